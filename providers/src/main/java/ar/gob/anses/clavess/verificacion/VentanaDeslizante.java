package ar.gob.anses.clavess.verificacion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A sliding window: the epoch seconds of the events admitted in the last {@code segundos}, oldest
 * first. At most {@code limite} events are admitted in any span of that length, whenever it starts;
 * a refused event is not recorded, so refusals do not push the window forward.
 */
public record VentanaDeslizante(List<Long> instantes) {

    public static final VentanaDeslizante VACIA = new VentanaDeslizante(List.of());

    /** The window as stored: instants separated by commas. */
    public static VentanaDeslizante de(String texto) {
        if (texto == null || texto.isBlank()) {
            return VACIA;
        }
        return new VentanaDeslizante(Arrays.stream(texto.split(",")).map(Long::valueOf).toList());
    }

    public String texto() {
        return instantes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The window with an event at {@code ahora}, or empty when {@code limite} events are already inside it. */
    public Optional<VentanaDeslizante> admitir(long ahora, int limite, long segundos) {
        List<Long> vigentes = new ArrayList<>(instantes.stream().filter(t -> t > ahora - segundos).toList());
        if (vigentes.size() >= limite) {
            return Optional.empty();
        }
        vigentes.add(ahora);
        return Optional.of(new VentanaDeslizante(List.copyOf(vigentes)));
    }

    /** The last event admitted, 0 when none. */
    public long ultimo() {
        return instantes.isEmpty() ? 0 : instantes.get(instantes.size() - 1);
    }
}
