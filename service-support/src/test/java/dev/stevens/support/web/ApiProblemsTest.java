package dev.stevens.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every error a Stevens API answers is problem+json with the right status. */
class ApiProblemsTest {

    @RestController
    static class Probe {
        @GetMapping("/denied")
        String denied() {
            throw new AccessDeniedException("not yours");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("internal detail that must not leak");
        }

        @GetMapping("/typed")
        String typed(@RequestParam java.time.LocalDate date) {
            return date.toString();
        }
    }

    private final MockMvc mvc =
            MockMvcBuilders.standaloneSetup(new Probe())
                    .setControllerAdvice(new ApiProblems())
                    .build();

    @Test
    void aRefusalIsA403ProblemNotA500() throws Exception {
        mvc.perform(get("/denied"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithoutInternals() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.containsString(
                                                        "internal detail"))));
    }

    @Test
    void aBadParameterNamesTheFieldAndTheExpectedFormat() throws Exception {
        mvc.perform(get("/typed").param("date", "2026-13-45"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a date like 2026-11-25"));
    }
}
