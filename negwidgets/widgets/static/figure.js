// A chart: its PNG (sent as binary bytes) in a <figure> whose <img> has the caption as its text alternative
// and whose visible "Figure: ..." caption is its <figcaption>. The image is never shown so small that its
// smallest text drops below `min_text_px` CSS pixels: it scrolls sideways instead (and then takes the
// keyboard focus, so the scrolling works without a mouse). With `fill` it grows with its box (up to the
// resolution it was rendered at), for a projector.

function render({ model, el }) {
  el.classList.add("nw-figure-widget");
  const figure = Object.assign(document.createElement("figure"), { className: "nw-figure" });
  const scroll = Object.assign(document.createElement("div"), { className: "nw-scroll" });
  scroll.setAttribute("data-lm-suppress-shortcuts", "true");   // arrow keys scroll it, also in JupyterLab
  const img = document.createElement("img");
  const caption = Object.assign(document.createElement("figcaption"), { className: "nw-caption" });
  figure.append(scroll, caption);
  el.append(figure);
  let url = null;

  const picture = () => {
    const data = model.get("value");
    if (url) URL.revokeObjectURL(url);
    url = null;
    if (data && data.byteLength) {
      url = URL.createObjectURL(new Blob([data], { type: "image/png" }));
      img.src = url;
      if (!img.isConnected) scroll.append(img);
    } else {
      // Not drawn yet (a game's dance before its first move): no <img> at all, never a broken one.
      img.removeAttribute("src");
      img.remove();
    }
    figure.hidden = !url;
  };
  const words = () => {
    const text = model.get("caption");
    img.alt = text;
    caption.textContent = text ? `${model.get("before")}Figure: ${text}` : "";
  };
  const size = () => {
    const natural = model.get("natural_width");
    const font = model.get("min_font_px");
    img.dataset.naturalWidth = natural;
    img.dataset.minFontPx = font;
    img.style.minWidth = font > 0 ? `${Math.ceil((natural * model.get("min_text_px")) / font)}px` : "";
    img.style.width = model.get("fill") ? "100%" : `${natural}px`;
    img.style.maxWidth = model.get("fill") ? `${natural * model.get("render_scale")}px` : "100%";
  };
  // A box that scrolls is reachable by Tab (and its arrow keys scroll it); one that does not is not.
  const focusable = () => {
    if (scroll.scrollWidth > scroll.clientWidth + 1) {
      scroll.tabIndex = 0;
      scroll.setAttribute("aria-label", "Figure (scrolls sideways)");
      scroll.setAttribute("role", "group");
    } else {
      scroll.removeAttribute("tabindex");
      scroll.removeAttribute("aria-label");
      scroll.removeAttribute("role");
    }
  };
  const observer = new ResizeObserver(focusable);
  observer.observe(scroll);
  img.addEventListener("load", focusable);

  const handlers = [["change:value", picture], ["change:caption", words], ["change:before", words],
                    ["change:natural_width", size], ["change:min_font_px", size], ["change:min_text_px", size],
                    ["change:fill", size]];
  handlers.forEach(([event, handler]) => model.on(event, handler));
  size();
  words();
  picture();
  return () => {
    observer.disconnect();
    if (url) URL.revokeObjectURL(url);
    handlers.forEach(([event, handler]) => model.off(event, handler));
  };
}

export default { render };
