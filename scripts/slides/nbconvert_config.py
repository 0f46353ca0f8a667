"""nbconvert settings for a slide deck that works offline (used by scripts/slides.sh).

The deck loads everything from ``lib/`` beside it, which slides.sh fills with the npm packages' files, instead of
the web: reveal.js and its "white" theme (whose fonts come with it; the default theme asks a web font service),
require.js, jQuery, MathJax 2, and the Jupyter widgets' HTML manager. The ``offline_slides`` template beside this
file removes the one other request (mermaid, for diagrams no lesson has) and sets MathJax so that a dollar
sign is money, never the start of a formula.
"""

from pathlib import Path

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.TemplateExporter.extra_template_basedirs = [str(Path(__file__).resolve().parent)]
c.SlidesExporter.template_name = "offline_slides"
c.SlidesExporter.reveal_scroll = True  # a long slide scrolls instead of running off the screen
c.SlidesExporter.reveal_url_prefix = "lib/reveal.js"
c.SlidesExporter.reveal_theme = "white"
c.SlidesExporter.require_js_url = "lib/requirejs/require.js"
c.SlidesExporter.jquery_url = "lib/jquery/jquery.min.js"
c.SlidesExporter.mathjax_url = "lib/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
c.SlidesExporter.widget_renderer_url = "lib/html-manager/embed-amd.js"
