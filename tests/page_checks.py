"""Checks a browser test can run on a page it has already rendered: axe-core's accessibility rules, the
phone measurements (390x844) and the projector measurements (1920x1080).

Each function takes a Playwright page and returns what is wrong as a list (empty when all is well), so a
test asserts ``== []`` and a failure prints every problem at once. axe-core comes from the
``axe-playwright-python`` package (it ships ``axe.min.js``) and is injected from the local file: no
network.

    from .page_checks import axe_violations, phone_problems, projector_problems, settle
    settle(page)
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE); settle(page)
    assert phone_problems(page) == []
"""

from __future__ import annotations

import time
from pathlib import Path

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1280, "height": 1000}

MIN_TRACK_PX = 200        # a slider's track on a phone: a 20-px drag moves it by a tenth at most
MIN_PHONE_TEXT_PX = 9     # the smallest figure text on a phone
MIN_PROJECTOR_TEXT_PX = 14  # the smallest chart text on a projector
MIN_FOCUS_RING_PX = 2     # the outline (or box-shadow) of a focused control


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def settle(page, quiet_ms: int = 800, timeout: float = 120) -> None:
    """Wait until the page has stopped changing (Voila streams cells, then widgets render, then layout
    settles): no DOM mutation for ``quiet_ms`` and no "Loading widget..." placeholder left."""
    page.evaluate("""() => {
      if (window.__quiet) return;
      const q = window.__quiet = {last: performance.now()};
      new MutationObserver(() => { q.last = performance.now(); })
        .observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true});
    }""")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = page.evaluate("""() => performance.now() - window.__quiet.last < %d
            || /Executing \\d+ of \\d+/.test(document.body.innerText.slice(0, 500))
            || [...document.querySelectorAll('.jupyter-widgets')].some(e => /^\\s*Loading widget/.test(e.textContent))""" % quiet_ms)
        if not busy:
            return
        time.sleep(0.1)
    raise TimeoutError(f"the page kept changing for {timeout} s")


def axe_violations(page, impacts=("critical", "serious"), context: str | None = None) -> list[dict]:
    """axe-core's violations of the given impacts on the page (or inside the CSS selector ``context``),
    one dict per rule: ``{"id", "impact", "help", "nodes": [selector, ...]}``."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=_axe_source())
    results = page.evaluate("""async (context) => {
      const r = await axe.run(context ? document.querySelector(context) : document,
                              {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
    }""", context)
    return [v for v in results if v["impact"] in impacts]


def count_nodes(violations: list[dict]) -> int:
    return sum(len(v["nodes"]) for v in violations)


# What the phone and projector checks measure, in one pass over the page.
_MEASURE = r"""
() => {
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(e);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const name = (e) => (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText)
                       || e.innerText || e.getAttribute('placeholder') || e.tagName).trim().slice(0, 60);
  const roots = [...document.querySelectorAll('.nw-root, .negwidgets')];
  const inRoots = (sel) => [...new Set(roots.flatMap(r => [...r.querySelectorAll(sel)]))].filter(visible);
  const width = document.documentElement.clientWidth;

  const tracks = inRoots('input[type=range], .noUi-target').map(e => ({name: name(e), width: e.getBoundingClientRect().width}));

  // A figure says its natural width and smallest text (CSS px at that width); old images do not.
  const figures = inRoots('img').map(img => {
    const natural = parseFloat(img.dataset.naturalWidth || '0');
    const font = parseFloat(img.dataset.minFontPx || '0');
    const shown = img.getBoundingClientRect().width;
    return {name: (img.alt || '').slice(0, 60), shown, natural, font,
            text_px: natural && font ? font * shown / natural : null};
  });

  // Labels above their controls: a visible description and the control beside it in the same row.
  const pairs = [];
  for (const row of inRoots('.widget-inline-hbox, .nw-row')) {
    const label = [...row.children].find(c => (c.matches('.widget-label, label, .nw-label')) && visible(c)
                                              && c.innerText.replace(/[\s\u200b]/g, ''));
    if (!label) continue;
    const control = [...row.children].find(c => c !== label && visible(c));
    if (!control) continue;
    const a = label.getBoundingClientRect(), b = control.getBoundingClientRect();
    pairs.push({label: label.innerText.trim().slice(0, 60), above: a.bottom <= b.top + 1});
  }

  // Anything a learner must read or use that lies outside the screen or is cut off by a box around it,
  // except inside a box made to scroll sideways (a wide figure or table).
  const scroller = (e) => e.closest('.nw-scroll');
  const cut = [];
  for (const e of inRoots('input, select, textarea, button, label, a, summary, .widget-label, .widget-html-content, img, th, td')) {
    if (scroller(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.right > width + 1) { cut.push(name(e) + ` (x ${Math.round(r.left)}..${Math.round(r.right)} of ${width})`); continue; }
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible') continue;
      const q = p.getBoundingClientRect();
      if (r.right > q.right + 1 || r.left < q.left - 1) { cut.push(name(e) + ' (cut off by its box)'); }
      break;
    }
  }
  return {tracks, figures, pairs, cut: [...new Set(cut)], page_width: document.documentElement.scrollWidth, width};
}
"""


def measure(page) -> dict:
    """The raw measurements behind :func:`phone_problems` and :func:`projector_problems`."""
    return page.evaluate(_MEASURE)


def phone_problems(page, m: dict | None = None) -> list[str]:
    """On a narrow screen (call after ``page.set_viewport_size(PHONE)``): slider tracks at least 200 px,
    labels above their controls, figure text at least 9 CSS px, nothing cut off and no sideways scrolling."""
    m = measure(page) if m is None else m
    problems = [f"slider '{t['name']}' has a {t['width']:.0f}-px track" for t in m["tracks"] if t["width"] < MIN_TRACK_PX]
    problems += [f"label '{p['label']}' is beside its control, not above it" for p in m["pairs"] if not p["above"]]
    problems += _figure_text(m, MIN_PHONE_TEXT_PX)
    problems += [f"cut off: {c}" for c in m["cut"]]
    if m["page_width"] > m["width"] + 1:
        problems.append(f"the page scrolls sideways ({m['page_width']} px wide in a {m['width']}-px screen)")
    return problems


def projector_problems(page, m: dict | None = None) -> list[str]:
    """On a 1920x1080 screen: every figure's smallest text at least 14 CSS px."""
    m = measure(page) if m is None else m
    return _figure_text(m, MIN_PROJECTOR_TEXT_PX)


def _figure_text(m: dict, minimum: float) -> list[str]:
    problems = []
    for f in m["figures"]:
        if f["text_px"] is None:
            problems.append(f"figure '{f['name']}' does not say its natural width and font size")
        elif f["text_px"] < minimum - 0.05:
            problems.append(f"figure '{f['name']}': smallest text {f['text_px']:.1f} CSS px (shown {f['shown']:.0f} "
                            f"of {f['natural']:.0f} px), below {minimum}")
    return problems


_FOCUS = r"""
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const seen = window.__focusSeen = window.__focusSeen || new Set();
  if (seen.has(e)) return {again: true};
  seen.add(e);
  // A radio drawn as a button is an invisible input over its face: the ring is drawn on the face.
  const target = getComputedStyle(e).opacity === '0' && e.nextElementSibling ? e.nextElementSibling : e;
  const s = getComputedStyle(target);
  const visible = target.getBoundingClientRect().width > 0;
  return {inside: !!e.closest('.nw-root, .negwidgets'), tag: e.tagName.toLowerCase(), type: e.type || '',
          name: (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText) || e.innerText
                 || e.placeholder || '').trim().slice(0, 50),
          ring: visible && s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0};
}
"""


def focus_problems(page, presses: int = 600) -> list[str]:
    """Go through the page with the Tab key alone, from the first control of the course (up to ``presses``
    times), and list the course's controls whose focus is not shown by a ring of at least 2 px."""
    page.bring_to_front()   # a walk that left the page (Tab past its last control) leaves it without focus
    first = page.evaluate("""() => {
      window.__focusSeen = new Set();
      const e = [...document.querySelectorAll('.nw-root :is(input, select, textarea, button, a[href], summary, [tabindex])')]
        .find(c => c.getClientRects().length && !c.disabled);
      if (!e) return false;
      e.focus();
      return true;
    }""")
    if not first:
        # A page of prose and printed results (the instructor's guide) has no control of the course; a
        # lesson always has some, and a widget that fails to render is a traceback the page test catches.
        return [] if not page.locator(".nw-root, .negwidgets").count() else ["no control of the course can be focused"]
    page.keyboard.press("Shift+Tab")   # one step back, so that the loop below reaches the first control by Tab
    page.evaluate("() => { window.__focusSeen = new Set(); }")
    problems, seen = [], 0
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUS)
        if focused is None or focused.get("again"):
            break
        if not focused["inside"]:
            continue
        seen += 1
        if focused["ring"] < MIN_FOCUS_RING_PX:
            problems.append(f"{focused['tag']}{'[' + focused['type'] + ']' if focused['type'] else ''} "
                            f"'{focused['name']}': focus ring {focused['ring']:g} px")
    if seen == 0:
        problems.append("Tab never reached a control of the course")
    return sorted(set(problems))
