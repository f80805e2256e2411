from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """`mapping|lookup:key` — a dictionary value by a variable key (reflection answers by block id)."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def was_chosen(index, chosen):
    """True when the loop index (0-based) is the practice answer the trainee picked."""
    return str(index) == str(chosen)
