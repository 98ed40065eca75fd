#!/usr/bin/env bash
# Reproduces the README's Performance table on this machine, all tools in one run:
#   1. the bench set: every tests/corpus/letters/*.pdf copied COPIES times (default 150, about 3,300 pages)
#      into a temporary folder (deleted at the end, never committed);
#   2. ROUNDS rounds (default 3), tools interleaved so that a busy moment hits them alike, each measured
#      whole process (tools/measure.py: wall, CPU of the process tree, peak RSS and PSS of the tree):
#        - PyMuPDF page.get_text("dict") on every page (tools/pymupdf_dict.py),
#        - pdftotext on every file,
#        - letterpipe convert (JSON + DOCX) with all cores, and with --parallelism 1;
#   3. letterpipe bench on the same files (in process: pages/s, time and allocations per stage);
#   4. the medians as a Markdown table.
# With BASELINE=<commit> the converter of that commit is published too and its convert (all cores) runs in every
# round right after ours: two builds compared under the same load, the only fair comparison on a shared machine.
# Needs the .NET SDK and Debian's python3-fitz and poppler-utils (apt-get install python3-fitz poppler-utils).
# usage: [BASELINE=<commit>] tools/bench-compare.sh [COPIES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${1:-150}
rounds=${2:-3}
python=${PYTHON:-/usr/bin/python3} # Debian's python3, where python3-fitz installs PyMuPDF
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -c 'import fitz' 2>/dev/null || { echo "PyMuPDF missing: apt-get install python3-fitz" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 1; }

mkdir "$work/pdfs"
pages=0
for pdf in tests/corpus/letters/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  for i in $(seq 1 "$copies"); do cp "$pdf" "$work/pdfs/$stem.$i.pdf"; done
  pages=$((pages + copies * $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')))
done
echo "bench set: $(ls "$work/pdfs" | wc -l) files, $pages pages; $(nproc) cores; $(uptime)" >&2

# Published as it ships: for this machine's runtime, one composite ReadyToRun image (see the csproj), not a debug build.
dotnet publish src/LetterPipeline/LetterPipeline.csproj -c Release --use-current-runtime -o "$work/app" >&2
app="$work/app/letterpipe"

baseline=${BASELINE:-}
if [ -n "$baseline" ]; then
  git worktree add --detach "$work/baseline-src" "$baseline" >&2
  trap 'rm -rf "$work"; git worktree prune' EXIT
  dotnet publish "$work/baseline-src/src/LetterPipeline/LetterPipeline.csproj" -c Release --use-current-runtime -o "$work/baseline-app" >&2
  baseline_label="letterpipe convert, all cores, baseline $(git rev-parse --short "$baseline")"
fi

results="$work/results.jsonl"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  python3 tools/measure.py "PyMuPDF get_text(\"dict\")" -- "$python" tools/pymupdf_dict.py "$work/pdfs" >>"$results"
  python3 tools/measure.py "pdftotext" -- sh -c 'for f in "$1"/*.pdf; do pdftotext -q "$f" - ; done >/dev/null' sh "$work/pdfs" >>"$results"
  # Each run writes into a folder of its own, all deleted at the end: deleting the last run's 2,400 files just
  # before would make the next run pay for ext4's search past recently freed inodes, a cost of the benchmark.
  python3 tools/measure.py "letterpipe convert, all cores" -- "$app" convert "$work/pdfs" --out "$work/out.$round.all" >>"$results"
  if [ -n "$baseline" ]; then
    python3 tools/measure.py "$baseline_label" -- "$work/baseline-app/letterpipe" convert "$work/pdfs" --out "$work/out.$round.baseline" >>"$results"
  fi
  python3 tools/measure.py "letterpipe convert --parallelism 1" -- "$app" convert "$work/pdfs" --out "$work/out.$round.one" --parallelism 1 >>"$results"
done

echo
python3 - "$results" "$pages" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
pages = int(sys.argv[2])
labels = list(dict.fromkeys(r["label"] for r in rows))
bad = [r for r in rows if r["exit"] != 0]
if bad:
    sys.exit(f"failed runs: {bad}")
def median(label, key):
    return statistics.median(r[key] for r in rows if r["label"] == label)
base = median(labels[0], "wall_s")
print(f"| tool (whole process, {pages} pages, median of {len(rows) // len(labels)}) | wall s | CPU s | pages/s | pages per CPU-second | peak RSS MB | peak PSS MB | wall vs PyMuPDF |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for label in labels:
    wall, cpu = median(label, "wall_s"), median(label, "cpu_s")
    print(f"| {label} | {wall:.1f} | {cpu:.1f} | {pages / wall:.0f} | {pages / cpu:.0f} | {median(label, 'peak_mb'):.0f} | {median(label, 'peak_pss_mb'):.0f} | {wall / base:.1f}x |")
# Tools alternate within a round, so a round's ratio compares runs a few seconds apart.
walls = {label: [r["wall_s"] for r in rows if r["label"] == label] for label in labels}
for label in labels[1:]:
    ratios = " ".join(f"{w / b:.2f}x" for w, b in zip(walls[label], walls[labels[0]]))
    print(f"\n{label}: wall vs PyMuPDF round by round: {ratios}", end="")
print()
PY
echo
"$app" bench "$work/pdfs"
