#!/usr/bin/env python3
"""Runs a command and prints one JSON line: wall seconds, CPU seconds (user+sys of the whole process tree)
and peak memory over the process and all its descendants, sampled every 20 ms from /proc: peak_mb is the
largest sum of their resident set sizes (pages shared between processes, such as the runtime's libraries,
counted once per process), peak_pss_mb the largest sum of proportional set sizes (shared pages split
between the processes that share them: what the tree really occupies). Linux only; standard library only.

usage: measure.py LABEL -- COMMAND [ARG...]
"""
import json
import os
import subprocess
import sys
import time


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: the ppid follows the last ')'.
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree_memory_kb(root):
    """(sum of Rss, sum of Pss) in KB over root and its descendants."""
    kids = children_map()
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def main():
    label, sep, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    if sep != "--" or not command:
        sys.exit(__doc__)
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory_kb(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.02)
    wall = time.monotonic() - start
    # poll() reaped it: its CPU time and its reaped descendants' are in children_*.
    times = os.times()
    cpu = times.children_user + times.children_system
    print(json.dumps({"label": label, "exit": proc.returncode, "wall_s": round(wall, 2),
                      "cpu_s": round(cpu, 2), "peak_mb": round(peak / 1024, 1), "peak_pss_mb": round(peak_pss / 1024, 1)}))


if __name__ == "__main__":
    main()
