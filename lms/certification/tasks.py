"""Background work of certification: the certificate PDF is drawn outside the request."""

from django_tasks import task

from .models import Certificate
from .pdf import certificate_pdf_store


@task()
def generate_certificate_pdf(*, certificate_id: int) -> None:
    certificate = Certificate.objects.select_related("programme", "trainee").get(pk=certificate_id)
    certificate_pdf_store(certificate=certificate)
