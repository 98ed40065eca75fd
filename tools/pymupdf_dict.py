#!/usr/bin/env python3
"""The comparison baseline of tools/bench-compare.sh: PyMuPDF's raw extraction, page.get_text("dict") on
every page of every PDF in a folder. Needs PyMuPDF (Debian: python3-fitz).

usage: pymupdf_dict.py FOLDER
"""
import glob
import sys

import fitz  # PyMuPDF

pages = 0
for path in sorted(glob.glob(f"{sys.argv[1]}/*.pdf")):
    with fitz.open(path) as document:
        for page in document:
            page.get_text("dict")
            pages += 1
print(pages, "pages")
