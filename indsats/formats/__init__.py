"""Date, time and number formats per language (FORMAT_MODULE_PATH), used through
Django's named formats: ``{{ day|date:"DATE_FORMAT" }}``, ``date_format(day)``.

Danish: "28. november 2026", "28.11.2026" in tables, times "kl. 10.00" (Retskrivningsordbogen
writes the time with a point). English: "28 November 2026", "28/11/2026", "10:00". Templates
name a format instead of spelling one out, so a page never mixes the two languages' ways.
"""
