#!/usr/bin/env python3
"""Small PDFs for the PDF reader's tests and fuzz seeds, written from scratch.

Text is drawn in a CID font that is not embedded (Identity-H) with a ToUnicode map, so that any
text (Chinese too) has a text layer without a font file or poppler-data; rendering is not the
point. Also: a page with only an image (a scan), RC4 encryption with an owner and a user password
(PDF 1.4 standard security handler, revision 2), many pages, a cut-off file.

Usage: pdfgen.py KIND OUT.pdf   KIND: table, scan, encrypted, password, pages600, count, kangxi,
       truncated, malformed
"""
import hashlib
import sys
import zlib

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


class Pdf:
    def __init__(self, width=595, height=842):
        self.width, self.height = width, height
        self.pages = []  # each: list of (x, top, size, text) or ("image",)
        self.chars = {}  # character -> CID

    def page(self, items):
        self.pages.append(items)

    def cid(self, ch):
        if ch not in self.chars:
            self.chars[ch] = len(self.chars) + 1
        return self.chars[ch]

    def content(self, items):
        out = []
        for it in items:
            if it[0] == "image":
                out.append("q 200 0 0 200 100 400 cm /Im1 Do Q")
                continue
            x, top, size, text = it
            y = self.height - top - size * 0.8
            hexs = "".join("%04X" % self.cid(c) for c in text)
            out.append("BT /F1 %g Tf %g %g Td <%s> Tj ET" % (size, x, y, hexs))
        return "\n".join(out).encode()

    def write(self, path, owner=None, user=None, truncate=None, count=None):
        objs = {}  # number -> bytes (body without "n 0 obj")
        streams = {}  # number -> (dict, data)
        n_pages = len(self.pages)
        contents = [self.content(p) for p in self.pages]  # fills self.chars
        font, cidfont, desc, tounicode, image = 3, 4, 5, 6, 7
        first_page = 8
        kids = " ".join("%d 0 R" % (first_page + 2 * i) for i in range(n_pages))
        objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count or n_pages)).encode()
        objs[font] = ("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                      "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cidfont, tounicode)).encode()
        widths = " ".join("%d [%d]" % (c, 1000 if ord(ch) > 0x2E80 else 500) for ch, c in sorted(self.chars.items(), key=lambda kv: kv[1]))
        objs[cidfont] = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                         "<< /Registry STR(Adobe) /Ordering STR(Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
                         "/DW 1000 /W [%s] /CIDToGIDMap /Identity >>" % (desc, widths)).encode()
        objs[desc] = (b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] "
                      b"/ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>")
        cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
                "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
        items = sorted(self.chars.items(), key=lambda kv: kv[1])
        for k in range(0, len(items), 100):
            chunk = items[k:k + 100]
            cmap.append("%d beginbfchar" % len(chunk))
            for ch, c in chunk:
                u = ch.encode("utf-16-be").hex().upper()
                cmap.append("<%04X> <%s>" % (c, u))
            cmap.append("endbfchar")
        cmap += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
        streams[tounicode] = ("", "\n".join(cmap).encode())
        streams[image] = ("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
                          bytes(range(0, 256, 4)))
        for i in range(n_pages):
            pnum = first_page + 2 * i
            objs[pnum] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 %d 0 R >> "
                          "/XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (self.width, self.height, font, image, pnum + 1)).encode()
            streams[pnum + 1] = ("", contents[i])
        encrypt_num = first_page + 2 * n_pages
        file_id = hashlib.md5(("ogi-%d" % n_pages).encode()).digest()
        key = None
        if owner is not None or user is not None:
            upw = (user or "").encode("latin-1")[:32]
            opw = (owner or user or "").encode("latin-1")[:32]
            pad = lambda pw: (pw + PAD)[:32]
            o = rc4(hashlib.md5(pad(opw)).digest()[:5], pad(upw))
            perms = -44
            key = hashlib.md5(pad(upw) + o + perms.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
            u = rc4(key, PAD)
            objs[encrypt_num] = ("<< /Filter /Standard /V 1 /R 2 /Length 40 /P %d /O <%s> /U <%s> >>"
                                 % (perms, o.hex(), u.hex())).encode()

        def obj_key(num):
            return hashlib.md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]

        def strings(num, body):
            # STR(x): a string, encrypted when the file is
            while b"STR(" in body:
                a = body.index(b"STR(")
                b = body.index(b")", a)
                s = body[a + 4:b]
                if key is not None:
                    s = rc4(obj_key(num), s)
                body = body[:a] + b"<" + s.hex().encode() + b">" + body[b + 1:]
            return body

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for num in sorted(set(objs) | set(streams)):
            offsets[num] = len(out)
            if num in streams:
                extra, data = streams[num]
                data = zlib.compress(data)
                if key is not None:
                    data = rc4(obj_key(num), data)
                out += ("%d 0 obj\n<< %s /Length %d /Filter /FlateDecode >>\nstream\n" % (num, extra, len(data))).encode()
                out += data + b"\nendstream\nendobj\n"
            else:
                body = objs[num] if num == encrypt_num else strings(num, objs[num])
                out += ("%d 0 obj\n" % num).encode() + body + b"\nendobj\n"
        size = max(offsets) + 1
        xref = len(out)
        out += ("xref\n0 %d\n0000000000 65535 f \n" % size).encode()
        for num in range(1, size):
            out += ("%010d 00000 n \n" % offsets[num]).encode() if num in offsets else b"0000000000 65535 f \n"
        trailer = "trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (size, file_id.hex(), file_id.hex())
        if key is not None:
            trailer += " /Encrypt %d 0 R" % encrypt_num
        out += (trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode()
        if truncate:
            out = out[:int(len(out) * truncate)]
        with open(path, "wb") as f:
            f.write(out)


def table_pdf():
    """A small report page: a title, a paragraph, and a table of labels and numbers with a blank cell."""
    pdf = Pdf()
    items = [(200, 80, 18, "测试县人民政府"), (120, 110, 18, "2023年政府信息公开工作年度报告"),
             (72, 160, 12, "二、主动公开政府信息情况")]
    cols = [72, 260, 360, 460]
    items += [(cols[0] + 20, 190, 10, "信息内容"), (cols[1], 190, 10, "本年制发件数"), (cols[2], 190, 10, "本年废止件数"),
              (cols[3], 190, 10, "现行有效件数")]
    for k, (label, vals) in enumerate([("规章", ["0", "", "3"]), ("行政规范性文件", ["12", "1", "40"])]):
        top = 215 + 22 * k
        items.append((cols[0], top, 10, label))
        for c, v in zip(cols[1:], vals):
            if v:
                items.append((c + 20, top, 10, v))
    items.append((290, 800, 10, "- 1 -"))
    pdf.page(items)
    return pdf


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "table":
        table_pdf().write(path)
    elif kind == "scan":
        pdf = Pdf()
        pdf.page([("image",)])
        pdf.page([("image",)])
        pdf.write(path)
    elif kind == "encrypted":  # an owner password only: it opens, and is read
        table_pdf().write(path, owner="owner-secret", user="")
    elif kind == "password":  # a password to open
        table_pdf().write(path, owner="owner-secret", user="open-secret")
    elif kind == "pages600":
        pdf = Pdf()
        for i in range(600):
            pdf.page([(72, 72, 10, "第%d页" % (i + 1))])
        pdf.write(path)
    elif kind == "kangxi":  # Chinese drawn with Kangxi radicals and the supplement's forms, as some writers map them
        pdf = Pdf()
        pdf.page([(72, 72, 16, "测试县⼈⺠政府2023年政府信息公开⼯作年度报告"), (72, 100, 12, "⻅⻓⻔⻚")])
        pdf.write(path)
    elif kind == "count":  # a page tree that claims a million pages
        table_pdf().write(path, count=1000000)
    elif kind == "truncated":
        table_pdf().write(path, truncate=0.6)
    elif kind == "malformed":
        with open(path, "wb") as f:
            f.write(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + bytes(range(256)) * 4 + b"\ntrailer <</Root 1 0 R>>\n")
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main()
