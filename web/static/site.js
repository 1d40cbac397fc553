// Copy buttons: shown only when JavaScript runs; the text stays selectable without it.
(function () {
  function copy(button) {
    var target = document.getElementById(button.dataset.copy);
    var status = button.parentElement.querySelector(".copied");
    var text = target ? target.textContent : "";
    function done(ok) { if (status) { status.textContent = ok ? "Copied." : "Select the text and copy it."; } }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      var range = document.createRange();
      range.selectNodeContents(target);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      done(document.execCommand && document.execCommand("copy"));
    }
  }
  function init(root) {
    root.querySelectorAll("button.copy").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.bound) {
        button.dataset.bound = "1";
        button.addEventListener("click", function () { copy(button); });
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
// Review keys: 1-4 rate (after Check), u undoes the last answer. Keys typed into a field
// are the field's (typing "3" in an answer must not rate the card); Escape leaves the
// field; Enter is the form's own.
(function () {
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing && event.key === "Escape" && document.querySelector("button[data-key]")) {
      target.blur();  // leave the answer field: the keys are the page's again (u undoes)
      return;
    }
    if (typing) { return; }
    var key = event.key === "U" ? "u" : event.key;
    var button = document.querySelector('button[data-key="' + key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
