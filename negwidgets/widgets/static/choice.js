// One choice among a few options: native radio inputs (a labelled radiogroup; arrow keys move the choice,
// screen readers announce which option is selected) drawn as a row of buttons.

let counter = 0;
const uid = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 8)}-${++counter}`;

function render({ model, el }) {
  el.classList.add("nw-choice-widget");
  const group = document.createElement("div");
  group.className = "nw-row nw-choice";
  group.setAttribute("role", "radiogroup");
  const label = Object.assign(document.createElement("span"), { className: "nw-label", id: uid("nw-label") });
  const options = Object.assign(document.createElement("div"), { className: "nw-options" });
  const help = Object.assign(document.createElement("div"), { className: "nw-help", id: uid("nw-help") });
  group.setAttribute("aria-labelledby", label.id);
  group.append(label, options, help);
  el.append(group);
  const name = uid("nw-choice");
  let inputs = [];

  const build = () => {
    const names = model.get("names") || [];
    const tips = model.get("tooltips") || [];
    inputs = model.get("labels").map((text, i) => {
      const option = Object.assign(document.createElement("label"), { className: "nw-option" });
      if (tips[i]) option.title = tips[i];
      const input = Object.assign(document.createElement("input"), { type: "radio", name, value: String(i) });
      input.setAttribute("data-lm-suppress-shortcuts", "true");   // arrow keys move the choice, also in JupyterLab
      const face = Object.assign(document.createElement("span"), { textContent: text });
      if (names[i] && names[i] !== text) {  // a scale's "1" is read as "1 (not at all satisfied)"
        input.setAttribute("aria-label", names[i]);
        face.setAttribute("aria-hidden", "true");
      }
      input.addEventListener("change", () => {
        if (input.checked && model.get("index") !== i) {
          model.set("index", i);
          model.save_changes();
        }
      });
      option.append(input, face);
      return input;
    });
    options.replaceChildren(...inputs.map((input) => input.parentElement));
    sync();
  };
  const sync = () => {
    label.textContent = model.get("description");
    const hint = model.get("help");
    help.textContent = hint;
    help.hidden = !hint;
    if (hint) group.setAttribute("aria-describedby", help.id);
    else group.removeAttribute("aria-describedby");
    const index = model.get("index");
    const disabled = Boolean(model.get("disabled"));
    inputs.forEach((input, i) => {
      input.checked = i === index;
      input.disabled = disabled;
    });
    el.classList.toggle("nw-disabled", disabled);
    el.classList.toggle("nw-look-list", model.get("look") === "list");
  };

  const handlers = [["change:labels", build], ["change:names", build], ["change:tooltips", build],
                    ["change:index", sync], ["change:description", sync], ["change:help", sync],
                    ["change:disabled", sync], ["change:look", sync]];
  handlers.forEach(([event, handler]) => model.on(event, handler));
  build();
  return () => handlers.forEach(([event, handler]) => model.off(event, handler));
}

export default { render };
