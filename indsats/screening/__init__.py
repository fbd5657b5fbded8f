"""Screening of the 98 municipalities (C7; O5, F1–F7).

- ``rules.py`` and ``parameters.py``: the pure core (no ORM): rates per 1,000 children,
  reference rates (pooled or mean), the seven factors with the figures behind them,
  missing data as missing, the ranking and the candidates; ``references.py``: the rates
  and the region, country and comparison-group references, in linear time.
- ``importers/``: one module per source, all-or-nothing with line numbers, idempotent;
  ``statbank.py``: the Statbank API v1 client (standard library only).
- ``inputs.py`` turns the database into the core's inputs; ``services.py`` runs and saves
  a screening (parameters, data versions, inputs, results) and records decisions;
  ``reminders.py`` tells the Board of plans falling due; ``demo.py`` makes synthetic data.

Commands: ``screening``, ``import_statbank``, ``import_boernehus``,
``import_vulnerable_children``, ``import_plans``, ``import_comparison_groups``,
``import_press``, ``import_ministerial_requests``, ``send_plan_reminders``.
"""
