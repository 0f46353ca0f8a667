// Several options at once: native checkboxes in a <fieldset> whose <legend> names the group, so each box is
// announced with the group it belongs to ("Joon-ho Park's roles, Software, checkbox"); they wrap into columns.

let counter = 0;
const uid = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 8)}-${++counter}`;

function render({ model, el }) {
  el.classList.add("nw-checklist-widget");
  const group = Object.assign(document.createElement("fieldset"), { className: "nw-checklist" });
  const legend = Object.assign(document.createElement("legend"), { className: "nw-legend" });
  const help = Object.assign(document.createElement("div"), { className: "nw-help", id: uid("nw-help") });
  const options = Object.assign(document.createElement("div"), { className: "nw-checks" });
  group.append(legend, help, options);
  el.append(group);
  let inputs = [];

  const build = () => {
    inputs = model.get("labels").map((text) => {
      const option = Object.assign(document.createElement("label"), { className: "nw-check" });
      const input = Object.assign(document.createElement("input"), { type: "checkbox", value: text });
      input.addEventListener("change", () => {
        const chosen = inputs.filter((box) => box.checked).map((box) => box.value);
        model.set("value", chosen);
        model.save_changes();
      });
      option.append(input, Object.assign(document.createElement("span"), { textContent: text }));
      return input;
    });
    options.replaceChildren(...inputs.map((input) => input.parentElement));
    sync();
  };
  const sync = () => {
    legend.textContent = model.get("description");
    const hint = model.get("help");
    help.textContent = hint;
    help.hidden = !hint;
    if (hint) group.setAttribute("aria-describedby", help.id);
    else group.removeAttribute("aria-describedby");
    const chosen = new Set(model.get("value") || []);
    const disabled = Boolean(model.get("disabled"));
    inputs.forEach((input) => {
      input.checked = chosen.has(input.value);
      input.disabled = disabled;
    });
    el.classList.toggle("nw-disabled", disabled);
  };

  const handlers = [["change:labels", build], ["change:value", sync], ["change:description", sync],
                    ["change:help", sync], ["change:disabled", sync]];
  handlers.forEach(([event, handler]) => model.on(event, handler));
  build();
  return () => handlers.forEach(([event, handler]) => model.off(event, handler));
}

export default { render };
