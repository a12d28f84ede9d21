package vn.ocop.system;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Services share nothing but the libraries: no service uses another service's code, no library
 * uses a service, and the event contracts stay free of Spring.
 */
class ModuleBoundariesTest {

    private static final List<String> SERVICES = List.of("catalog", "evaluation", "marketplace", "notification");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop");
    }

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(other -> !other.equals(service))
                    .map(other -> "vn.ocop." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("vn.ocop." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void noLibraryDependsOnAService() {
        String[] services = SERVICES.stream().map(service -> "vn.ocop." + service + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("vn.ocop.contracts..", "vn.ocop.messaging..", "vn.ocop.web..",
                        "vn.ocop.testsupport..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .check(classes);
    }

    @Test
    void eventContractsAreFreeOfSpringAndJackson() {
        noClasses().that().resideInAPackage("vn.ocop.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
