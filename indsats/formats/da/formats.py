"""Danish formats: Django's own, with the time written "kl. 10.00"."""

DATE_FORMAT = "j. F Y"  # 28. november 2026
TIME_FORMAT = r"\k\l. H.i"  # kl. 10.00
DATETIME_FORMAT = r"j. F Y \k\l. H.i"  # 28. november 2026 kl. 10.00
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
SHORT_DATE_FORMAT = "d.m.Y"  # 28.11.2026, in tables
SHORT_DATETIME_FORMAT = r"d.m.Y \k\l. H.i"
FIRST_DAY_OF_WEEK = 1

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H.%M",  # '28.11.2026 10.00'
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y kl. %H.%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y-%m-%dT%H:%M",  # what a datetime-local input sends
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
