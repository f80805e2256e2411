"""Background work of the assessments: regrading a cohort's attempts outside the web request."""

from django_tasks import task

from .constants import RegradeState
from .models import RegradeRun
from .services import regrade_run_execute


@task()
def regrade_cohort_quiz(*, run_id: int) -> None:
    run = RegradeRun.objects.select_related("quiz", "cohort", "requested_by").get(pk=run_id)
    if run.state != RegradeState.QUEUED:
        return
    try:
        regrade_run_execute(run=run)
    except Exception:
        RegradeRun.objects.filter(pk=run_id).update(state=RegradeState.FAILED)
        raise
