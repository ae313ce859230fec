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
