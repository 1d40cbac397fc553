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
