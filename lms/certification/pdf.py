"""The certificate as a PDF (reportlab) with a QR code of its verification address (segno)."""


def certificate_pdf_store(*, certificate) -> None:
    raise NotImplementedError  # written in this issue
