"""Reading a wasm binary's structure, shared by the size scripts beside it."""


def leb(b, i):
    """The unsigned LEB128 number at `b[i]`, and the index after it."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    """Each section of a module as (id, body)."""
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j : j + size]
        i = j + size
