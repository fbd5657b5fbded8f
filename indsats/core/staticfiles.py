"""Static files: only what the pages load is collected (C13).

The npm packages ship sources, source maps, SCSS, CommonJS and ES-module builds, two
other themes and every font weight and format; collected, hashed and compressed twice
(gzip and brotli) that was 3,900 files and 77 MB, and `make serve` spent 35 s on them at
every start (now about 1,900 files, 13 s). The pages load the minified builds
(base_minimal.html, the screening charts) and DKFDS' stylesheet the weights it names.
"""

from django.contrib.staticfiles.apps import StaticFilesConfig


class IndsatsStaticFilesConfig(StaticFilesConfig):
    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,  # CVS, .*, *~
        # Other module formats and type declarations (chart.js, htmx).
        "*.cjs",
        "*.cjs.map",
        "*.cjs.js",
        "*.esm.js",
        "*.amd.js",
        "*.d.ts",
        "chunks",
        "ext",
        "helpers.js",
        "helpers.js.map",
        # Unminified builds beside the minified ones the pages load.
        "chart.js",
        "chart.js.map",
        "chart.umd.js",
        "chart.umd.js.map",
        "htmx.js",
        "dkfds.js",
        "dkfds.css",
        # DKFDS' sources, other themes and fonts its stylesheet does not use.
        "scss",
        "split",
        "otf",
        "IBMPlexSans-Thin*",
        "IBMPlexSans-ExtraLight*",
        "IBMPlexSans-Light*",
        "IBMPlexSans-Text*",
        "dkfds-borgerdk*",
        "dkfds-virkdk*",
        "README*",
    ]
