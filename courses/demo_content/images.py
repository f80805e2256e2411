"""Illustrations for the demo lessons, drawn with Pillow (no files, no network).

``demo_image_png(key)`` returns PNG bytes for every key in ``IMAGE_KEYS``; lessons refer to the
images by these keys. Each drawing is a 960x540 diagram on a light background with short
Indonesian labels, reduced to a small palette so that it stays light on slow connections.
"""

import io
import math
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from .taxonomy import MENTOR_ROLES

W, H = 960, 540
BG = "#f8f6f0"
INK = "#1f2933"
MUTED = "#52606d"
TEAL, AMBER, VIOLET, GREEN = "#1f6f8b", "#b45309", "#6d28d9", "#047857"
BLUE, RED, MAGENTA, OLIVE = "#1d4ed8", "#be123c", "#a21caf", "#4d7c0f"
PALE = "#e6eef2"
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


@cache
def _font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(FONT_DIR + name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _wrap(text, font, width):
    """Split text into lines no wider than width pixels; explicit newlines are kept."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _text(d, xy, text, size=18, bold=False, fill=INK, width=10_000, align="mm"):
    """Draw (wrapped) text centred on xy; align "lm" starts the lines at x instead."""
    font = _font(size, bold)
    lines = _wrap(text, font, width)
    step = size + 6
    y = xy[1] - step * (len(lines) - 1) / 2
    for line in lines:
        d.text((xy[0], y), line, font=font, fill=fill, anchor=align)
        y += step


def _box(d, xy, fill, text, size=18, fg="white", bold=True, outline=None):
    d.rounded_rectangle(xy, radius=14, fill=fill, outline=outline, width=3)
    x0, y0, x1, y1 = xy
    _text(d, ((x0 + x1) / 2, (y0 + y1) / 2), text, size, bold, fg, width=x1 - x0 - 18)


def _arrow(d, p1, p2, fill=INK, width=4, head=14):
    d.line([p1, p2], fill=fill, width=width)
    angle = math.atan2(p2[1] - p1[1], p2[0] - p1[0])
    left = (p2[0] - head * math.cos(angle - 0.45), p2[1] - head * math.sin(angle - 0.45))
    right = (p2[0] - head * math.cos(angle + 0.45), p2[1] - head * math.sin(angle + 0.45))
    d.polygon([p2, left, right], fill=fill)


def _shorten(p1, p2, r1, r2):
    """The segment p1-p2 with r1 cut from its start and r2 from its end."""
    dx, dy = p2[0] - p1[0], p2[1] - p1[1]
    n = math.hypot(dx, dy) or 1
    return (p1[0] + dx * r1 / n, p1[1] + dy * r1 / n), (p2[0] - dx * r2 / n, p2[1] - dy * r2 / n)


def _canvas(title):
    img = Image.new("RGB", (W, H), BG)
    d = ImageDraw.Draw(img)
    _text(d, (W / 2, 34), title, 28, bold=True)
    return img, d


def _siklus():
    img, d = _canvas("Siklus pendampingan KUBE")
    steps = [("Identifikasi", TEAL), ("Perencanaan", AMBER), ("Pelaksanaan", GREEN), ("Pemantauan", VIOLET)]
    steps.append(("Evaluasi", RED))
    cx, cy, radius, r = W / 2, 305, 170, 68
    points = []
    for i in range(5):
        a = math.radians(-90 + 72 * i)
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    for i in range(5):
        p1, p2 = _shorten(points[i], points[(i + 1) % 5], r + 4, r + 8)
        _arrow(d, p1, p2, MUTED, 5, 18)
    for i, ((label, colour), (x, y)) in enumerate(zip(steps, points, strict=True)):
        d.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        _text(d, (x, y - 16), str(i + 1), 22, True, "white")
        _text(d, (x, y + 12), label, 16, True, "white")
    _text(d, (cx, cy), "Hasil evaluasi menjadi bahan identifikasi berikutnya", 16, fill=MUTED, width=170)
    return img


def _roda():
    img, d = _canvas("Delapan peran pendamping sosial")
    cx, cy, rx, ry = W / 2, 298, 310, 185
    for i, role in enumerate(MENTOR_ROLES):
        a = math.radians(-90 + 45 * i)
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        d.line([(cx, cy), (x, y)], fill=role["colour"], width=5)
        _box(d, (x - 95, y - 34, x + 95, y + 34), role["colour"], role["name_id"], 17)
    d.ellipse((cx - 88, cy - 88, cx + 88, cy + 88), fill=INK)
    _text(d, (cx, cy), "Pendamping sosial", 20, True, "white", width=140)
    return img


def _tangga():
    img, d = _canvas("Kelas KUBE: naik setahap demi setahap")
    steps = [
        ("Tumbuh", TEAL, "catatan dan pengurus ada\npasar dan aset terbatas\numur < 1 tahun"),
        ("Berkembang", AMBER, "catatan lengkap\npasar meluas\naset dan akses bertambah"),
        ("Mandiri", GREEN, "akses lembaga keuangan\nmembentuk LKM\natau koperasi"),
    ]
    for i, (name, colour, note) in enumerate(steps):
        x0, top = 80 + i * 270, 370 - i * 110
        d.rectangle((x0, top, x0 + 260, 490), fill=colour)
        _text(d, (x0 + 130, top + 24), name, 26, True, "white")
        _text(d, (x0 + 130, top + 78), note, 15, False, "white")
    _arrow(d, (120, 320), (660, 115), INK, 5, 20)
    _text(d, (250, 112), "makin mandiri,\nperan pendamping makin kecil", 17, fill=MUTED)
    d.line([(60, 490), (900, 490)], fill=INK, width=3)
    return img


def _alur_iks():
    img, d = _canvas("Alur iuran kesetiakawanan sosial (IKS)")
    top = [
        "Anggota KUBE\n5-10 keluarga",
        "Pertemuan rutin\n2 minggu sekali",
        "Bendahara mencatat di buku IKS",
        "Kas IKS",
    ]
    colours = [TEAL, AMBER, VIOLET, GREEN]
    for i, (label, colour) in enumerate(zip(top, colours, strict=True)):
        x0 = 31 + i * 236
        _box(d, (x0, 120, x0 + 190, 230), colour, label, 18)
        if i:
            _arrow(d, (x0 - 42, 175), (x0 - 6, 175))
    uses = ["Anggota yang sakit", "Tetangga tertimpa musibah", "Kegiatan sosial kampung"]
    for i, label in enumerate(uses):
        x0 = 90 + i * 280
        _box(d, (x0, 350, x0 + 230, 440), PALE, label, 18, INK, outline=RED)
        _arrow(d, (800, 236), (x0 + 115, 342), RED, 4)
    _text(d, (W / 2, 490), "Penggunaan diputuskan bersama dalam pertemuan dan ditulis di notulen", 17, fill=MUTED)
    return img


BUKU_KAS_ROWS = [
    ("01/03", "Saldo awal", "", "", "1.250.000"),
    ("02/03", "Jual pupuk kandang", "40.000", "", "1.290.000"),
    ("05/03", "Beli pakan ternak", "", "300.000", "990.000"),
    ("12/03", "Jual rumput gajah", "150.000", "", "1.140.000"),
    ("16/03", "Angsuran pinjaman anggota", "100.000", "", "1.240.000"),
    ("20/03", "Beli obat ternak", "", "65.000", "1.175.000"),
    ("", "Jumlah dan saldo akhir", "290.000", "365.000", "1.175.000"),
]


def _buku_kas():
    img, d = _canvas("Buku kas KUBE Maju Bersama - Maret")
    heads = ["Tgl", "Uraian", "Masuk (Rp)", "Keluar (Rp)", "Saldo (Rp)"]
    widths = [90, 330, 160, 160, 160]
    x0, y0, rh = 30, 80, 52
    rows = [heads, *BUKU_KAS_ROWS]
    for r, row in enumerate(rows):
        y = y0 + r * rh
        last = r == len(rows) - 1
        fill = TEAL if r == 0 else ("#fdf3e1" if last else ("white" if r % 2 else PALE))
        d.rectangle((x0, y, x0 + sum(widths), y + rh), fill=fill, outline="#9aa5b1")
        x = x0
        for c, (cell, w) in enumerate(zip(row, widths, strict=True)):
            if c:
                d.line([(x, y), (x, y + rh)], fill="#9aa5b1", width=1)
            colour = "white" if r == 0 else (RED if c == 3 and cell else INK)
            bold = r == 0 or last
            if r and c >= 2:
                _text(d, (x + w - 14, y + rh / 2), cell, 18, bold, colour, align="rm")
            else:
                _text(d, (x + 12, y + rh / 2), cell, 18, bold, colour, align="lm")
            x += w
    _text(d, (W / 2, 510), "Saldo baru = saldo lama + masuk - keluar", 18, True, MUTED)
    return img


def _linimasa():
    img, d = _canvas("Tahapan program KUBE: T0 sampai T3")
    stages = [
        ("T0", "Persiapan", TEAL, ["Identifikasi & seleksi", "Sosialisasi", "Pembentukan KUBE", "Pemetaan kebutuhan"]),
        ("T1", "Tahun pertama", AMBER, ["Motivasi", "Pelatihan usaha", "Rekening kelompok", "Bantuan stimulan"]),
        ("T2", "Tahun kedua", GREEN, ["Akses pendidikan & kesehatan", "Pengembangan usaha", "Kemitraan"]),
        ("T3", "Terminasi", VIOLET, ["Persiapan terminasi", "Pengakhiran kegiatan", "Serah ke pemda (berita acara)"]),
    ]
    _arrow(d, (30, 222), (935, 222), MUTED, 6, 20)
    for i, (code, name, colour, items) in enumerate(stages):
        x0 = 25 + i * 230
        d.rounded_rectangle((x0, 80, x0 + 210, 180), radius=14, fill=colour)
        _text(d, (x0 + 105, 112), code, 32, True, "white")
        _text(d, (x0 + 105, 155), name, 18, True, "white")
        d.ellipse((x0 + 93, 210, x0 + 117, 234), fill=colour)
        d.rounded_rectangle((x0, 250, x0 + 210, 470), radius=14, fill="white", outline=colour, width=3)
        y = 282
        for item in items:
            for j, line in enumerate(_wrap(item, _font(16), 170)):
                _text(d, (x0 + 14, y), ("\u2022 " if j == 0 else "   ") + line, 16, align="lm")
                y += 24
            y += 10
    _text(d, (W / 2, 505), "Pendampingan serta pemantauan dan evaluasi berjalan di setiap tahap", 17, fill=MUTED)
    return img


def _jalur_koperasi():
    img, d = _canvas("Jalur dari KUBE menuju koperasi")
    stages = ["KUBE Tumbuh", "Forum jaringan KUBE", "KUBE Berkembang (BLPS)", "KUBE Mantap (LKM)", "Koperasi"]
    learning = ["Belajar efisien", "Saling belajar antar-KUBE", "Belajar efektif", "Perluasan belajar"]
    learning.append("Belajar mandiri")
    colours = [TEAL, BLUE, AMBER, GREEN, VIOLET]
    for i, (label, colour) in enumerate(zip(stages, colours, strict=True)):
        x0 = 20 + i * 190
        _box(d, (x0, 130, x0 + 160, 250), colour, label, 18)
        if i:
            _arrow(d, (x0 - 28, 190), (x0 - 4, 190))
        _box(d, (x0, 290, x0 + 160, 360), PALE, learning[i], 16, INK, outline=colour)
    d.polygon([(60, 420), (900, 452), (60, 484)], fill="#d9e2ec")
    _text(d, (330, 452), "Peran pendamping makin kecil", 18, True, INK)
    _text(d, (W / 2, 512), "Koperasi dikelola oleh, dari, dan untuk bekas anggota KUBE", 17, fill=MUTED)
    return img


def _model_pelatihan():
    img, d = _canvas("Model pendamping KUBE yang diuji di Jawa Timur")
    steps = [
        ("Rekrutmen", TEAL, 140),
        ("Pre-test", None, 105),
        ("Pembekalan", AMBER, 150),
        ("Magang di KUBE berprestasi", GREEN, 160),
        ("Post-test", None, 105),
        ("Pendampingan KUBE", VIOLET, 165),
    ]
    x0 = 12
    for i, (label, colour, width) in enumerate(steps):
        if i:
            _arrow(d, (x0 - 19, 205), (x0 - 3, 205))
        if colour:
            _box(d, (x0, 150, x0 + width, 260), colour, label, 17)
        else:
            _box(d, (x0, 170, x0 + width, 240), "white", label, 16, INK, outline=RED)
        x0 += width + 22
    _text(d, (376, 310), "peserta, materi, metode, dana, waktu, pengajar, sarana", 15, fill=MUTED, width=260)
    _text(d, (W / 2, 100), "Uji coba: 20 peserta perlakuan dan 20 peserta pembanding", 18, fill=MUTED)
    _box(d, (20, 400, 940, 470), RED, "Kemitraan: pemerintah - swasta - masyarakat", 20)
    _text(d, (W / 2, 505), "Hasil: perubahan bermakna hanya pada kelompok perlakuan (p < 0,05)", 17, fill=MUTED)
    return img


def _peta_kemitraan():
    img, d = _canvas("Peta mitra KUBE")
    partners = [
        ("Dinas Sosial", "program, rujukan", TEAL),
        ("Dinas Perindustrian & Perdagangan", "kemasan, pasar", AMBER),
        ("Dinas Koperasi & UKM", "manajemen usaha", GREEN),
        ("Bank & lembaga keuangan mikro", "rekening, modal", BLUE),
        ("Balai Latihan Kerja", "keterampilan", VIOLET),
        ("Puskesmas & sekolah", "layanan dasar", RED),
        ("Aparat desa & tokoh masyarakat", "dukungan", OLIVE),
    ]
    cx, cy, rx, ry = W / 2, 292, 335, 190
    spots = []
    for i in range(len(partners)):
        a = math.radians(-90 + i * 360 / len(partners))
        spots.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    for (name, helps, colour), (x, y) in zip(partners, spots, strict=True):
        d.line([(cx, cy), (x, y)], fill=colour, width=4)
        d.rounded_rectangle((x - 112, y - 40, x + 112, y + 40), radius=12, fill=colour)
        _text(d, (x, y - 10), name, 15, True, "white", width=210)
        _text(d, (x, y + 26), helps, 14, False, "white")
    d.ellipse((cx - 110, cy - 60, cx + 110, cy + 60), fill=INK)
    _text(d, (cx, cy), "KUBE dan pendamping", 20, True, "white", width=170)
    return img


def _sembilan():
    img, d = _canvas("Sembilan indikator perkembangan KUBE")
    labels = [
        "Kelembagaan",
        "Mutu kepengurusan",
        "Keluasan anggota dan sasaran",
        "Ragam kegiatan",
        "Jaringan kemitraan",
        "Usaha dan modal tumbuh",
        "Kemandirian",
        "Sarana dan prasarana",
        "Peran bagi kesejahteraan anggota",
    ]
    colours = [TEAL, AMBER, VIOLET, GREEN, BLUE, RED, MAGENTA, OLIVE, INK]
    for i, (label, colour) in enumerate(zip(labels, colours, strict=True)):
        x0, y0 = 44 + (i % 3) * 296, 78 + (i // 3) * 134
        d.rounded_rectangle((x0, y0, x0 + 280, y0 + 118), radius=14, fill="white", outline=colour, width=3)
        d.ellipse((x0 + 16, y0 + 33, x0 + 68, y0 + 85), fill=colour)
        _text(d, (x0 + 42, y0 + 59), str(i + 1), 24, True, "white")
        _text(d, (x0 + 176, y0 + 59), label, 18, True, INK, width=180)
    _text(d, (W / 2, 510), "Nilai tiap indikator: 1 lemah, 2 cukup, 3 kuat", 18, True, MUTED)
    return img


_DRAWERS = {
    "siklus-pendampingan": _siklus,
    "roda-peran-pendamping": _roda,
    "tangga-kelas-kube": _tangga,
    "alur-iks": _alur_iks,
    "buku-kas": _buku_kas,
    "linimasa-t0-t3": _linimasa,
    "jalur-koperasi": _jalur_koperasi,
    "model-pelatihan-pendamping": _model_pelatihan,
    "peta-kemitraan": _peta_kemitraan,
    "sembilan-indikator": _sembilan,
}

IMAGE_KEYS = tuple(_DRAWERS)


@cache
def demo_image_png(key: str) -> bytes:
    """PNG bytes of the illustration called key (one of IMAGE_KEYS)."""
    if key not in _DRAWERS:
        raise KeyError(f"unknown demo image {key!r}; expected one of {', '.join(IMAGE_KEYS)}")
    img = _DRAWERS[key]().quantize(colors=48)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
