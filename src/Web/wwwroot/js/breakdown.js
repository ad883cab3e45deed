// The running total of a KPI's breakdown on the update form, as the person types: the parts read
// with the page language's decimal separator (Vietnamese writes 1,5), shown in the fieldset's
// <output>. Only a help: the server reads and checks the parts with the domain's rules.
(function () {
  "use strict";
  var comma = (document.documentElement.lang || "").slice(0, 2) === "vi";
  function read(text) {
    text = text.trim();
    if (text === "") return 0;
    text = comma ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
    var number = Number(text);
    return isFinite(number) ? number : NaN;
  }
  function write(number) {
    var text = String(Math.round(number * 1e6) / 1e6);
    return comma ? text.replace(".", ",") : text;
  }
  function update(fieldset) {
    var sum = 0;
    fieldset.querySelectorAll("input.part").forEach(function (input) { sum += read(input.value); });
    var output = document.getElementById(fieldset.getAttribute("data-sum"));
    if (output) output.textContent = (fieldset.getAttribute("data-sum-text") || "{0}").replace("{0}", isNaN(sum) ? "?" : write(sum));
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.breakdown").forEach(function (fieldset) {
      update(fieldset);
      fieldset.addEventListener("input", function () { update(fieldset); });
    });
  });
})();
