// "No soy un robot": find the number whose SHA-256 (with the page's salt) is the challenge, then fill it in.
(function () {
  var box = document.getElementById("anses-robot");
  if (!box) return;
  var check = document.getElementById("anses-robot-check");
  var answer = document.getElementById("robot");
  var status = document.getElementById("anses-robot-estado");
  var salt = box.dataset.salt, challenge = box.dataset.challenge, max = parseInt(box.dataset.maximo, 10);
  var encoder = new TextEncoder();

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  async function solve() {
    for (var n = 0; n <= max; n++) {
      if (hex(await crypto.subtle.digest("SHA-256", encoder.encode(salt + n))) === challenge) return n;
    }
    return null;
  }

  check.addEventListener("change", async function () {
    if (!check.checked) { answer.value = ""; return; }
    check.disabled = true;
    status.textContent = status.dataset.calculando;
    var n = await solve();
    check.disabled = false;
    if (n === null) { check.checked = false; return; }
    answer.value = String(n);
    status.textContent = status.dataset.listo;
  });
})();
