// The course's stylesheet travels as this widget's CSS (anywidget puts it in the page's <head> once);
// the widget itself shows nothing.
export default { render({ el }) { el.style.display = "none"; } };
