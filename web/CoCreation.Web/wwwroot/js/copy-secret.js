// The secret panel's copy button: the one script of the web, and only an addition. Without it the button stays
// hidden, and the read-only field and its hint are how a person copies the secret.
for (const button of document.querySelectorAll("button[data-copy-from]")) {
  const field = document.getElementById(button.dataset.copyFrom);
  const said = document.getElementById(button.dataset.copyStatus);
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      said.textContent = button.dataset.copied;
    } catch {
      // No clipboard here (an old browser, a refused permission): select the text for Ctrl+C instead.
      field.select();
      said.textContent = button.dataset.copyFailed;
    }
  });
}
