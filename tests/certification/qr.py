"""Reading a certificate PDF as a person and a phone would: its text, and its QR code."""

import pypdfium2
import zxingcpp

RENDER_DPI = 200


def _document(pdf_bytes: bytes) -> pypdfium2.PdfDocument:
    return pypdfium2.PdfDocument(pdf_bytes)


def decode_qr_from_pdf(pdf_bytes: bytes, *, page: int = 0, dpi: int = RENDER_DPI) -> list[str]:
    """The texts of every QR code on `page`, rendered at `dpi` like a scan of the printout."""
    document = _document(pdf_bytes)
    try:
        image = document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


def pdf_text(pdf_bytes: bytes, *, page: int = 0) -> str:
    """The text layer of `page`, as a screen reader or a search would read it."""
    document = _document(pdf_bytes)
    try:
        return document[page].get_textpage().get_text_range()
    finally:
        document.close()


def pdf_page_count(pdf_bytes: bytes) -> int:
    document = _document(pdf_bytes)
    try:
        return len(document)
    finally:
        document.close()
