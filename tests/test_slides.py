"""A lesson's slide deck, made by the README's command, in a real headless Chromium with the web blocked.

The deck must work in a room without internet: opened from the file system or served on localhost, it shows
reveal.js slides that move with the arrow keys, the lesson's widgets, and money as written (never as maths),
and asks for nothing outside this machine. A missing browser is a failure, never a skip.
"""

import os
import re
import subprocess
import sys

import nbformat
import pytest
from playwright.sync_api import expect

from .conftest import NOTEBOOKS, ROOT, SLIDES_COMMAND
from .test_notebooks import LESSONS, RUNNING_ZOPA, ids
from .pages import missing_amounts, prose_amounts
from .servers import chromium, free_port, isolated_env, running

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REVEAL = "lib/reveal.js/dist/reveal.js"  # the module the deck's own script loads with require.js


def reveal(page, call: str):
    """Call the deck's Reveal API (a require.js module, not a global) and return the result."""
    return page.evaluate(f"new Promise(done => require([{REVEAL!r}], Reveal => done(Reveal.{call})))")


def typeset_done(page) -> None:
    """Wait until MathJax has loaded and finished everything queued (the page's typesetting first)."""
    page.wait_for_function("window.MathJax && MathJax.isReady === true", timeout=60_000)
    page.evaluate("new Promise(done => MathJax.Hub.Queue(done))")


# Every deck, from one run of the README's command on every lesson (conftest.readme_decks), read as files here;
# the tests below open them in Chromium. One file for both, so the decks are made once in one worker.
@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_the_readme_slides_command_makes_an_executed_offline_deck_of_every_lesson(source, readme_decks):
    html = (readme_decks / f"{source.stem}.slides.html").read_text()
    assert "var scroll = true" in html  # a long slide scrolls instead of running off the screen
    # Nothing from the web: every script and style sheet is a file of lib/ beside the deck (tests/test_slides.py
    # opens the deck in Chromium with the web blocked).
    # (Links a learner may follow, such as a source's DOI, are fine: nothing loads them.)
    assert not re.findall(r'(?:src|<link[^>]*href)="(?:https?:)?//', html)
    assert "unpkg.com" not in html and "cdnjs" not in html and "jsdelivr" not in html
    local = re.findall(r'(?:src|href)="(lib/[^"?]+)', html) + re.findall(r"'(lib/[^']+\.js)'", html)
    local += re.findall(r'"(lib/reveal\.js/[^"]+\.js)"', html)
    assert {"lib/requirejs/require.js", "lib/reveal.js/dist/reveal.js", "lib/html-manager/embed-amd.js",
            "lib/mathjax/MathJax.js"} <= set(local), local
    for path in local:
        assert (readme_decks / path).is_file(), path
    if source.stem == "04_zopa":
        assert RUNNING_ZOPA in html  # the executed deck shows the numbers the lesson computes


@pytest.mark.parametrize("opened", ["from the file system", "served on localhost"])
def test_the_offline_deck_shows_moving_slides_widgets_and_money_with_nothing_from_the_web(readme_decks, opened,
                                                                                          tmp_path):
    deck = readme_decks / "04_zopa.slides.html"
    blocked, failed = [], []
    with running([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port := free_port())],
                 f"http://127.0.0.1:{port}/", isolated_env(tmp_path), readme_decks, tmp_path / "http.log"), \
            chromium(tmp_path, blocked=blocked) as page:
        page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.url}: {response.status}"))
        url = deck.as_uri() if opened == "from the file system" else f"http://127.0.0.1:{port}/{deck.name}"
        page.goto(url, timeout=60_000)

        # reveal.js: slides, ready, several of them, and the right arrow moves to the next one.
        page.locator(".reveal.ready").wait_for(timeout=60_000)
        expect(page.locator(".reveal .slides section.present").first).to_be_visible()
        assert reveal(page, "getTotalSlides()") > 1
        assert reveal(page, "getIndices()")["h"] == 0
        expect(page.locator(".reveal .slides section.present h1")).to_have_text(re.compile("04 The ZOPA"))
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"new Promise(done => require([{REVEAL!r}], R => done(R.getIndices().h === 1)))")
        expect(page.locator(".reveal .slides > section.present h2").first).to_be_visible()

        # The ZOPA explorer, drawn by the local widget manager from the state stored in the deck.
        h, v = page.evaluate("""() => {
            const slides = [...document.querySelectorAll('.reveal .slides > section')];
            const h = slides.findIndex(s => s.textContent.includes('Interactive demo: the ZOPA explorer'));
            const v = [...slides[h].children].findIndex(s => s.textContent.includes('Interactive demo: the ZOPA explorer'));
            return [h, v];
        }""")
        reveal(page, f"slide({h}, {v})")
        demo = page.locator(".reveal .slides > section.present > section.present")
        expect(demo.locator("h3")).to_contain_text("Interactive demo: the ZOPA explorer")
        explorer = demo.get_by_role("slider", name="Employer's reservation value")
        expect(explorer).to_be_visible(timeout=60_000)
        expect(explorer).to_have_attribute("aria-valuetext", "$80,000")   # the course's slider, read as money
        expect(demo.get_by_text("ZOPA: $70,000 to $80,000 (surplus $10,000)")).to_be_visible()
        expect(demo.locator("img").first).to_be_visible()
        assert page.get_by_text("Error displaying widget").count() == 0

        # Money as written: MathJax is there (it typesets \( \) formulas) but a $ never starts one.
        typeset_done(page)
        slides = page.locator(".reveal .slides")
        text = slides.text_content()
        assert "$70,000" in text
        from negwidgets.model import money, running_example_opening   # the one opening every lesson gives

        opening = money(running_example_opening().opening)
        assert f"who hopes for $85,000, will open a little lower, at {opening}" in " ".join(text.split())
        assert slides.locator(".MathJax, .mjx-chtml, .MathJax_CHTML").count() == 0
        # Every amount the lesson's prose writes, in the deck's markdown cells (hidden slides included).
        prose = page.evaluate("() => [...document.querySelectorAll('.reveal .jp-MarkdownCell')]"
                              ".map(e => e.textContent).join(' ')")
        assert missing_amounts(prose_amounts(NOTEBOOKS / "04_zopa.ipynb"), prose) == {}
        formula = page.evaluate("""new Promise(done => {
            const p = document.createElement('p'); p.textContent = '\\\\(x^2\\\\)'; document.body.appendChild(p);
            MathJax.Hub.Queue(['Typeset', MathJax.Hub, p], () => done(p.querySelectorAll('.mjx-chtml').length));
        })""")
        assert formula == 1, "the local MathJax typesets a formula"
        page.screenshot(path=str(tmp_path / "deck.png"))

    needed = [u for u in blocked if re.search(r"reveal|require|mathjax|jquery|widget|embed|cdn|unpkg", u, re.I)]
    assert not needed, f"the deck asked the web for its scripts: {needed}"
    assert not blocked, f"the deck asked the web for: {blocked}"
    assert not failed, f"files the deck asked for and did not get: {failed}"


ANYWIDGET_COUNTER = '''import anywidget, traitlets

class Counter(anywidget.AnyWidget):
    _esm = """
    function render({ model, el }) {
      const button = document.createElement("button");
      button.className = "counter";
      const show = () => { button.textContent = `count is ${model.get("value")}`; };
      button.onclick = () => { model.set("value", model.get("value") + 1); model.save_changes(); };
      model.on("change:value", show);
      show();
      el.appendChild(button);
    }
    export default { render };
    """
    value = traitlets.Int(41).tag(sync=True)

Counter()'''


def test_a_deck_with_an_anywidget_loads_its_module_from_beside_the_deck(tmp_path):
    """No lesson uses anywidget yet; when one does, its deck must not need the CDN that the widget manager would
    ask for anywidget's module: the command copies the module of the kernel's anywidget next to the deck."""
    site = tmp_path / "site"  # anywidget for this test only, seen by the kernel through PYTHONPATH
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                "--no-deps", "--target", str(site), "anywidget", "psygnal"],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                 "language": "python"}})
    notebook.cells = [nbformat.v4.new_markdown_cell("# A custom widget"), nbformat.v4.new_code_cell(ANYWIDGET_COUNTER)]
    nbformat.write(notebook, tmp_path / "counter.ipynb")
    out = tmp_path / "deck"
    made = subprocess.run([*SLIDES_COMMAND.split(), str(tmp_path / "counter.ipynb"), "--output-dir", str(out)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True,
                          timeout=600)
    assert made.returncode == 0, made.stderr[-3000:]
    assert (out / "lib/anywidget/index.js").is_file()

    blocked, failed = [], []
    with chromium(tmp_path, blocked=blocked) as page:
        page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
        page.goto((out / "counter.slides.html").as_uri(), timeout=60_000)
        page.locator(".reveal.ready").wait_for(timeout=60_000)
        counter = page.locator("button.counter")
        expect(counter).to_have_text("count is 41", timeout=60_000)
        counter.click()
        expect(counter).to_have_text("count is 42")
    assert not blocked and not failed, (blocked, failed)
