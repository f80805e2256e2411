from django import template

from assessments.reports.tables import cell

register = template.Library()


@register.filter
def figure(value):
    """A report figure for reading: rounded floats, a dash for an undefined value."""
    return cell(value)
