// The verdict form's "Add another source": a new empty row from the formset's empty form, its
// number put where Django's __prefix__ stands, and TOTAL_FORMS raised so the server reads it.
// The button stays hidden without this script (the form then keeps its two empty rows).
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("add-source");
  const template = document.getElementById("source-template");
  const rows = document.getElementById("sources");
  const total = document.getElementById("id_sources-TOTAL_FORMS");
  const max = document.getElementById("id_sources-MAX_NUM_FORMS");
  if (!button || !template || !rows || !total) {
    return;
  }
  const limit = max ? Number(max.value) : Infinity;
  const update = () => {
    button.disabled = Number(total.value) >= limit;
  };
  button.hidden = false;
  update();
  button.addEventListener("click", () => {
    const index = Number(total.value);
    if (index >= limit) {
      return;
    }
    const html = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__number__", String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    update();
    document.getElementById(`id_sources-${index}-url`).focus();
  });
});
