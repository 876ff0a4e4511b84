#!/usr/bin/env python3
"""Tells whether a PNG shows something: prints the share of pixels that are
not white and how many have the colour COLOR (hex, e.g. 2171b5) within a
small tolerance. Decodes the PNG itself (zlib and the five row filters),
since PIL may not be installed. usage: png-ink.py FILE.png [COLOR]"""
import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour not in (2, 6):
                sys.exit(f"{path}: only 8-bit RGB or RGBA is read here (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        kind = raw[y * (stride + 1)]
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(width):
            yield tuple(row[x * channels : x * channels + 3])
        previous = row


def main():
    colour = bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else None
    total = ink = matching = 0
    for r, g, b in pixels(sys.argv[1]):
        total += 1
        if min(r, g, b) < 245:
            ink += 1
        if colour and abs(r - colour[0]) + abs(g - colour[1]) + abs(b - colour[2]) <= 24:
            matching += 1
    print(f"{ink / max(total, 1) * 100:.1f}% not white, {matching} pixels of the colour")


main()
