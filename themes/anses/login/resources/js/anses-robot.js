// "No soy un robot": find the number whose SHA-256 (with the page's salt) is the challenge, then fill it in.
(function () {
  var caja = document.getElementById("anses-robot");
  if (!caja) return;
  var casilla = document.getElementById("anses-robot-check");
  var respuesta = document.getElementById("robot");
  var estado = document.getElementById("anses-robot-estado");
  var salt = caja.dataset.salt, challenge = caja.dataset.challenge, maximo = parseInt(caja.dataset.maximo, 10);
  var encoder = new TextEncoder();

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  async function resolver() {
    for (var n = 0; n <= maximo; n++) {
      if (hex(await crypto.subtle.digest("SHA-256", encoder.encode(salt + n))) === challenge) return n;
    }
    return null;
  }

  casilla.addEventListener("change", async function () {
    if (!casilla.checked) { respuesta.value = ""; return; }
    casilla.disabled = true;
    estado.textContent = estado.dataset.calculando;
    var n = await resolver();
    casilla.disabled = false;
    if (n === null) { casilla.checked = false; return; }
    respuesta.value = String(n);
    estado.textContent = estado.dataset.listo;
  });
})();
