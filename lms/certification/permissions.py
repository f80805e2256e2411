"""Who may do what with certification, declared once.

- superusers and senior trainers edit programmes in the Wagtail admin; supervisors read them;
- a supervisor sees the trainees and certificates of their region (the region check itself is
  `lms.people.scoping`, applied by the selectors), issues supervisor-mode certificates and revokes;
- a trainee sees their own checklist and certificates.
"""

from lms.people.constants import Role
from lms.people.scoping import supervises_a_region


def may_manage_programmes(user) -> bool:
    return user.is_superuser or user.has_role(Role.SENIOR_TRAINER)


def may_view_programmes(user) -> bool:
    return may_manage_programmes(user) or user.has_role(Role.SUPERVISOR)


def may_supervise(user) -> bool:
    """Issue, revoke and list certificates; which trainees is a matter of region scope."""
    return supervises_a_region(user)
