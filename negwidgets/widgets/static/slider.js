// The course's slider: a visible <label> tied to a native <input type="range"> (keyboard steps, touch,
// screen readers), its value read out as the course writes it ("$70,000", "35%") in the browser while it
// moves, and sent to the kernel while dragging (at most every 40 ms, and always the final value).
// A two-value model ([low, high]) draws two such inputs in a labelled group; a model with a `base` moves
// on a logarithmic scale (the input holds the exponent).

let counter = 0;
const uid = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 8)}-${++counter}`;

const groups = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
// Python's round(): halves go to the even neighbour, so the browser and the kernel agree on $70,000.
const roundHalfEven = (x) => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};
const trim = (text) => (text.includes(".") ? text.replace(/\.?0+$/, "") : text);

export function format(value, kind, decimals) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "";
  if (kind === "money") {
    const r = roundHalfEven(value);
    return (r < 0 ? "-$" : "$") + groups(String(Math.abs(r)));
  }
  if (kind === "percent") return trim((value * 100).toFixed(decimals)) + "%";
  const text = trim(Math.abs(value).toFixed(decimals));
  const [whole, part] = text.split(".");
  return (value < 0 && Number(text) !== 0 ? "-" : "") + groups(whole) + (part ? "." + part : "");
}

const EVENTS = ["value", "min", "max", "step", "base", "description", "disabled", "format", "decimals"];

function render({ model, el }) {
  const isRange = Array.isArray(model.get("value"));
  el.classList.add("nw-slider");
  const row = document.createElement("div");
  row.className = "nw-row";
  const label = document.createElement(isRange ? "span" : "label");
  label.className = "nw-label";
  label.id = uid("nw-label");
  row.append(label);

  const thumbs = (isRange ? ["from", "to"] : [null]).map((part) => {
    const input = Object.assign(document.createElement("input"), { type: "range", id: uid("nw-range") });
    // JupyterLab's notebook takes arrow keys for moving between cells unless told to leave them alone.
    input.setAttribute("data-lm-suppress-shortcuts", "true");
    const readout = document.createElement("span");
    readout.className = "nw-readout";
    readout.setAttribute("aria-hidden", "true");  // the input's aria-valuetext says it to screen readers
    if (part === null) {
      label.htmlFor = input.id;
      row.append(input, readout);
      return { input, readout };
    }
    const line = document.createElement("div");
    line.className = "nw-row nw-part";
    const sub = Object.assign(document.createElement("label"), { className: "nw-sublabel", htmlFor: input.id });
    sub.id = uid("nw-sublabel");
    sub.textContent = part;
    input.setAttribute("aria-labelledby", `${label.id} ${sub.id}`);
    line.append(sub, input, readout);
    return { input, readout, line };
  });
  if (isRange) {
    const parts = document.createElement("div");
    parts.className = "nw-parts";
    parts.append(...thumbs.map((t) => t.line));
    row.append(parts);
    el.setAttribute("role", "group");
    el.setAttribute("aria-labelledby", label.id);
  }
  el.append(row);

  const base = () => Number(model.get("base")) || 0;
  const toInput = (v) => (base() > 0 ? Math.log(v) / Math.log(base()) : v);
  const fromInput = (x) => (base() > 0 ? Math.pow(base(), Number(x)) : Number(x));
  const text = (v) => format(v, model.get("format"), model.get("decimals"));
  const values = () => (isRange ? model.get("value") : [model.get("value")]);
  const show = (t, v) => {
    const words = text(v);
    t.readout.textContent = words;
    t.input.setAttribute("aria-valuetext", words);
  };

  const sync = () => {
    label.textContent = model.get("description");
    values().forEach((v, i) => {
      const t = thumbs[i];
      t.input.min = model.get("min");
      t.input.max = model.get("max");
      t.input.step = model.get("step");
      const x = toInput(v);
      if (Number(t.input.value) !== x) t.input.value = x;
      t.input.disabled = model.get("disabled");
      show(t, v);
    });
    el.classList.toggle("nw-disabled", Boolean(model.get("disabled")));
  };

  // What the inputs hold now; the two ends of a range never cross.
  const read = (moved) => {
    const v = thumbs.map((t) => fromInput(t.input.value));
    if (isRange && v[0] > v[1]) {
      const other = 1 - moved;
      thumbs[moved].input.value = thumbs[other].input.value;
      v[moved] = v[other];
    }
    return v;
  };
  let timer = null;
  let last = 0;
  const send = (moved) => {
    clearTimeout(timer);
    timer = null;
    const v = read(moved);
    if (v.every((x, j) => x === values()[j])) return;  // already sent (a key press fires input, then change)
    model.set("value", isRange ? v : v[0]);
    model.save_changes();
    last = performance.now();
  };
  thumbs.forEach((t, i) => {
    t.input.addEventListener("input", () => {
      read(i).forEach((v, j) => show(thumbs[j], v));
      if (!model.get("continuous_update")) return;
      const wait = 40 - (performance.now() - last);
      if (wait <= 0) send(i);
      else if (timer === null) timer = setTimeout(() => send(i), wait);
    });
    t.input.addEventListener("change", () => send(i));
  });

  const handlers = EVENTS.map((name) => [`change:${name}`, sync]);
  handlers.forEach(([event, handler]) => model.on(event, handler));
  sync();
  return () => {
    clearTimeout(timer);
    handlers.forEach(([event, handler]) => model.off(event, handler));
  };
}

export default { render };
