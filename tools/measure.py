#!/usr/bin/env python3
"""Runs a command and prints one JSON line: wall seconds, CPU seconds (user+sys of the whole process tree)
and peak memory (the largest sum of resident set sizes over the process and all its descendants, sampled
every 20 ms from /proc). Linux only; standard library only.

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


def tree_rss_kb(root):
    kids = children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def main():
    label, sep, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    if sep != "--" or not command:
        sys.exit(__doc__)
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.monotonic() - start
    # poll() reaped it: its CPU time and its reaped descendants' are in children_*.
    times = os.times()
    cpu = times.children_user + times.children_system
    print(json.dumps({"label": label, "exit": proc.returncode, "wall_s": round(wall, 2),
                      "cpu_s": round(cpu, 2), "peak_mb": round(peak / 1024, 1)}))


if __name__ == "__main__":
    main()
