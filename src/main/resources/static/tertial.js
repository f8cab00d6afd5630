// Progressive enhancement only: the upload form works without this script. It lets a person drop workbooks
// onto the upload area instead of choosing them, and says how many were chosen.
document.addEventListener("DOMContentLoaded", function () {
  var area = document.querySelector("section.upload");
  var input = document.getElementById("fil");
  var said = document.getElementById("valda-filer");
  if (!area || !input || !said) { return; }
  function tell() {
    var n = input.files ? input.files.length : 0;
    said.textContent = n === 0 ? "" : (n === 1 ? "1 fil vald: " : n + " filer valda: ")
      + Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
  }
  input.addEventListener("change", tell);
  area.addEventListener("dragover", function (e) { e.preventDefault(); area.classList.add("drop"); });
  area.addEventListener("dragleave", function () { area.classList.remove("drop"); });
  area.addEventListener("drop", function (e) {
    e.preventDefault();
    area.classList.remove("drop");
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; tell(); }
  });
});
