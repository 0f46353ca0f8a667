"""What a learner's page shows: render a notebook in Voila or open it in JupyterLab, then read the page.

The browser tests call these on pages they rendered once; everything here reads the DOM as the browser
built it (after the markdown renderer, MathJax and the widget manager ran), never the notebook source.
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import nbformat

from negwidgets.model.money import DOLLAR_MARKUP   # how the lesson sources write a dollar sign

from .conftest import NOTEBOOKS
from .page_checks import settle

# A dollar amount as a learner reads it: $70,000, $4,998, $5.50, $70k.
AMOUNT = re.compile(r"\$\d+(?:,\d{3})*(?:\.\d+)?(?:[kK]\b)?")
CHECK_CALL = re.compile(r"""\b(check|quiz)\(\s*["']([\w-]+)["'](?:\s*,\s*(?:["']([\w-]+)["']|\[([^\]]*)\]))?""")

# The text of every element matching a selector, as shown (layout-aware innerText), with every hidden
# answer opened as a learner would.
JS_TEXT_OF = r"""
(selector) => {
  const found = [...document.querySelectorAll(selector)];
  found.forEach(el => el.querySelectorAll('details').forEach(d => { d.open = true; }));
  return found.map(el => el.innerText).join('\n');
}
"""
PROSE = ".jp-MarkdownCell .jp-RenderedMarkdown"   # a markdown cell as rendered, in Voila and in JupyterLab
CHECKS = ".negwidgets-check"                     # the check widgets (negwidgets.widgets.check)
# Anything MathJax (2 or 3) or KaTeX typeset, or a math script waiting to be typeset.
MATH_SELECTOR = "mjx-container, .MathJax, .MathJax_Display, .MathJax_Preview, .katex, script[type^='math/tex']"


def page_text(page, selector: str = "body") -> str:
    return page.evaluate(JS_TEXT_OF, selector)


def math_elements(page, root: str = "body") -> int:
    return page.locator(f"{root} :is({MATH_SELECTOR})").count()


def amounts(text: str) -> Counter:
    return Counter(AMOUNT.findall(text))


def missing_amounts(expected: Counter, shown: str) -> dict[str, tuple[int, int]]:
    """Amounts written ``n`` times that the page shows fewer times: {amount: (written, shown)}."""
    on_page = amounts(shown)
    return {amount: (count, on_page[amount]) for amount, count in expected.items() if on_page[amount] < count}


def _plain(markdown: str) -> str:
    return html.unescape(markdown.replace(DOLLAR_MARKUP, "$"))


def prose_amounts(notebook: Path) -> Counter:
    """The dollar amounts the notebook's markdown cells write (code spans included: they show as written)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return amounts(" ".join(_plain(c.source) for c in cells if c.cell_type == "markdown"))


def intended_math(notebook: Path) -> int:
    """Math spans the notebook marks as intended: ``$...$`` pairs in markdown cells tagged ``math``."""
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(c.source.count("$") // 2 for c in cells
               if c.cell_type == "markdown" and "math" in c.metadata.get("tags", []))


def check_amounts(notebook: Path) -> Counter:
    """The dollar amounts in the prompts and answers of the checks and quizzes the notebook shows."""
    from negwidgets.model.quiz import ChoiceQuestion, load_questions

    found = Counter()
    code = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")
    for _kind, bank, one, several in CHECK_CALL.findall(code):
        chosen = {one} if one else set(re.findall(r"[\w-]+", several)) if several else None
        for item in load_questions(bank):
            if chosen is None or item.id in chosen:
                texts = [item.prompt] + ([o.text for o in item.options] if isinstance(item, ChoiceQuestion) else [])
                found += amounts(" ".join(texts))
    return found


def render_in_voila(page, base: str, relative: str) -> None:
    """Open a notebook of the Voila server at ``base`` (serving the notebooks folder) and let it settle.

    Voila streams the page while the kernel runs the cells: 'load' fires when every cell has run.
    """
    response = page.goto(f"{base}voila/render/{relative}", wait_until="load", timeout=180_000)
    assert response is not None and response.ok, f"Voila answered {response and response.status} for {relative}"
    settle(page)


def shut_down_voila_kernel(page, base: str) -> None:
    """End the page's kernel: Voila's own shutdown on unload is refused without an _xsrf token."""
    kernel = page.evaluate("() => { const e = document.getElementById('jupyter-config-data');"
                           " return e ? (JSON.parse(e.textContent).kernelId || '') : ''; }")
    if kernel:
        request = urllib.request.Request(f"{base}voila/api/shutdown/{kernel}", data=b"", method="POST",
                                         headers={"Cookie": "_xsrf=t", "X-XSRFToken": "t"})
        try:
            urllib.request.urlopen(request, timeout=30).close()
        except (urllib.error.URLError, OSError):
            pass   # the server may already be stopping


def open_widget(page, url: str, selector: str, viewport: dict):
    """Open a Voila page at ``viewport``'s size, wait until the first element matching ``selector`` (a widget's
    class) has rendered and the page has settled, and return that element's locator."""
    page.set_viewport_size(viewport)
    page.goto(url, timeout=180_000)
    box = page.locator(selector).first
    box.wait_for(timeout=180_000)
    settle(page)
    return box


def open_in_lab(page, base: str, token: str, relative: str) -> None:
    """Open a notebook in JupyterLab and wait for its markdown to render (no cell is run).

    The first call loads JupyterLab at the notebook's address; later calls on the same page close what is open and
    open the notebook with Lab's own command, as a click in its file browser does: the same app renders the same
    notebook, without loading the whole app again (which took half of each page's time)."""
    if page.url.startswith(f"{base}/lab") and page.evaluate("() => Boolean(window.jupyterapp)"):
        page.evaluate("""async (path) => {
          const commands = window.jupyterapp.commands;
          await commands.execute('application:close-all');
          await commands.execute('docmanager:open', {path});
        }""", relative)
    else:
        page.goto(f"{base}/lab/tree/{relative}?reset&token={token}", timeout=120_000)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for(timeout=120_000)
    settle(page, quiet_ms=1000)


def money_and_math_problems(page, root: str, notebook: str, checks: bool) -> list[str]:
    """What a notebook's page shows wrongly: amounts of the prose (in the markdown cells as rendered) or
    of the checks (in the check widgets) not shown as written, and math the notebook does not intend."""
    path = NOTEBOOKS / notebook
    problems = []
    missing = missing_amounts(prose_amounts(path), page_text(page, f"{root} {PROSE}"))
    if missing:
        problems.append(f"amounts of the prose not shown as written (written, shown): {missing}")
    if checks:
        missing = missing_amounts(check_amounts(path), page_text(page, f"{root} {CHECKS}"))
        if missing:
            problems.append(f"amounts of the checks not shown as written (written, shown): {missing}")
    shown, intended = math_elements(page, root), intended_math(path)
    if shown != intended:
        problems.append(f"{shown} math elements on the page, {intended} intended")
    return problems


def broken_images(page) -> list[str]:
    """Images the browser could not draw (an <img> without a picture shows as a broken-image icon)."""
    return page.evaluate("""() => [...document.querySelectorAll('img')]
      .filter(i => i.complete && i.naturalWidth === 0)
      .map(i => i.alt || i.getAttribute('src') || 'an image with no source')""")
