package ar.gob.anses.clavess.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests released together, as an attacker's script sends them: each on its own thread, all at one signal. */
public final class EnParalelo {

    private EnParalelo() {
    }

    /** Runs every task at once and returns their results in the tasks' order. */
    public static <T> List<T> todas(List<? extends Callable<T>> tareas) throws Exception {
        ExecutorService hilos = Executors.newFixedThreadPool(tareas.size());
        CountDownLatch listas = new CountDownLatch(tareas.size());
        CountDownLatch largada = new CountDownLatch(1);
        try {
            List<Future<T>> futuros = new ArrayList<>();
            for (Callable<T> tarea : tareas) {
                futuros.add(hilos.submit(() -> {
                    listas.countDown();
                    largada.await();
                    return tarea.call();
                }));
            }
            listas.await();
            largada.countDown();
            List<T> resultados = new ArrayList<>();
            for (Future<T> futuro : futuros) {
                resultados.add(futuro.get(3, TimeUnit.MINUTES));
            }
            return resultados;
        } finally {
            hilos.shutdownNow();
        }
    }
}
