// The claim page's Copy buttons: copy the named field's text and say so to screen readers too.
// Without the Clipboard API (a page not served over HTTPS) the text is selected and copied the
// older way, or left selected for Ctrl+C.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      const status = button.parentElement.querySelector(".copy-status");
      field.focus();
      field.select();
      let copied = false;
      try {
        await navigator.clipboard.writeText(field.value);
        copied = true;
      } catch (error) {
        copied = document.execCommand && document.execCommand("copy");
      }
      if (status) {
        status.textContent = copied ? "Copied." : "Selected: press Ctrl+C to copy.";
      }
    });
  }
});

// The admin's autocomplete (select2) names its box after the chosen value alone, which is
// nothing while empty: the field's own label is added to its name for screen readers. Queued
// on the admin's jQuery after its own script, which builds the box when the page is ready.
function nameAutocompletes() {
  for (const select of document.querySelectorAll("select.admin-autocomplete")) {
    const label = document.querySelector(`label[for="${select.id}"]`);
    const container = select.nextElementSibling;
    if (!label || !container) {
      continue;
    }
    label.id = label.id || `${select.id}-label`;
    for (const box of container.querySelectorAll("[role=combobox], [role=textbox]")) {
      const named = (box.getAttribute("aria-labelledby") || "").replace(label.id, "");
      box.setAttribute("aria-labelledby", `${label.id} ${named}`.trim());
    }
  }
}
if (window.django && window.django.jQuery) {
  window.django.jQuery(nameAutocompletes);
}
