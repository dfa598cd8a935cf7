package ar.gob.anses.clavess.paquetes;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependency rules, checked on the compiled main classes: no package imports, directly or through
 * others, a package that imports it back; {@code cuenta} (the citizen's account) and {@code almacen} (what is kept
 * in Keycloak's database) are at the bottom and import no feature package.
 */
class SinCiclosTest {

    private static final String RAIZ = "ar.gob.anses.clavess";

    private static JavaClasses clases;

    @BeforeAll
    static void importar() {
        clases = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(RAIZ);
    }

    @Test
    @DisplayName("given the main classes, then they are there to check (a wrong package name would check nothing)")
    void hayClases() {
        assertThat(clases.containPackage(RAIZ + ".cuenta")).isTrue();
        assertThat(clases.containPackage(RAIZ + ".almacen")).isTrue();
        assertThat(clases.containPackage(RAIZ + ".crearclave")).isTrue();
    }

    @Test
    @DisplayName("given the packages under ar.gob.anses.clavess, then none depends on itself through others")
    void sinCiclos() {
        slices().matching(RAIZ + ".(*)..").should().beFreeOfCycles().check(clases);
    }

    @Test
    @DisplayName("given cuenta, then it depends on no other package of ours")
    void cuentaAbajo() {
        noClasses().that().resideInAPackage(RAIZ + ".cuenta..")
                .should().dependOnClassesThat(resideInAPackage(RAIZ + "..").and(resideOutsideOfPackage(RAIZ + ".cuenta..")))
                .check(clases);
    }

    @Test
    @DisplayName("given almacen, then it depends on no feature package (cuenta only)")
    void almacenAbajo() {
        noClasses().that().resideInAPackage(RAIZ + ".almacen..")
                .should().dependOnClassesThat(resideInAPackage(RAIZ + "..")
                        .and(resideOutsideOfPackages(RAIZ + ".almacen..", RAIZ + ".cuenta..")))
                .check(clases);
    }
}
