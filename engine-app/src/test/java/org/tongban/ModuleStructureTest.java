package org.tongban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Capabilities talk through their root packages only, and without cycles; only the workflow module touches the
 * engine. Also writes the module diagram.
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(TongbanApplication.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Any use of an engine type (import, field, parameter, annotation) outside workflow fails the build. */
    @Test
    void onlyWorkflowTouchesFlowable() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongban");
        noClasses().that().resideOutsideOfPackage("org.tongban.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.flowable..")
                .because("the workflow module is the only gateway to the engine (issue 6, section 1.1)")
                .check(main);
    }

    /** Services see an {@code Actor}; only the security edge handles the principal with its password hash. */
    @Test
    void onlyTheSecurityEdgeHandlesThePrincipal() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongban");
        noClasses().that().resideOutsideOfPackages("org.tongban.identity..", "org.tongban.auth..", "org.tongban.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.tongban.identity.TongbanUser")
                .because("services take identity.Actor, never the credentials (issue 6, section 1.4)")
                .check(main);
    }

    @Test
    void documentsTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
