package ar.gob.anses.clavess.testsupport;

import java.util.Collections;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * The default method order of every test class (junit-platform.properties): random, so that no test leans on a
 * sibling's leftovers, with one seed per JVM that is printed once; {@code -Djunit.jupiter.execution.order.random.seed=S}
 * (JUnit's own parameter, read as its {@code MethodOrderer.Random} reads it) replays an order. Each class's methods are
 * shuffled with the seed plus the class's name, so a class's order does not depend on which classes ran before it.
 */
public final class OrdenAleatorio implements MethodOrderer {

    public static final String SEMILLA = "junit.jupiter.execution.order.random.seed";

    private static final long SEMILLA_DE_ESTA_CORRIDA = new java.util.Random().nextLong();
    private static final AtomicBoolean DICHA = new AtomicBoolean();

    @Override
    public void orderMethods(MethodOrdererContext context) {
        long semilla = context.getConfigurationParameter(SEMILLA).map(Long::parseLong).orElse(SEMILLA_DE_ESTA_CORRIDA);
        if (DICHA.compareAndSet(false, true)) {
            System.out.println("Test methods in random order; to reproduce it use -D" + SEMILLA + "=" + semilla);
        }
        // Sorted by name first: the shuffle's input must not be the JVM's reflection order.
        context.getMethodDescriptors().sort(Comparator.comparing(OrdenAleatorio::firma));
        Collections.shuffle(context.getMethodDescriptors(),
                new java.util.Random(semilla ^ context.getTestClass().getName().hashCode()));
    }

    private static String firma(MethodDescriptor metodo) {
        return metodo.getMethod().getName() + metodo.getMethod().toGenericString();
    }
}
