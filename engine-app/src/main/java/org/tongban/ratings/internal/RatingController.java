package org.tongban.ratings.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.ratings.Rating;
import org.tongban.ratings.RatingReason;
import org.tongban.ratings.RatingSummary;
import org.tongban.ratings.Ratings;

/** 好差评: the applicant's rating, the department's follow-up of bad ratings, and the public aggregates. */
@RestController
@Tag(name = "Ratings (好差评)")
class RatingController {

    private final Ratings ratings;

    RatingController(Ratings ratings) {
        this.ratings = ratings;
    }

    /** A rating as the applicant gives it. */
    record NewRating(Integer level, List<RatingReason> reasons, String comment) {
    }

    @PostMapping(path = "/api/v1/cases/{caseNumber}/rating", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a concluded case once (applicant): level 1–5, reasons fitting the level, comment; a bad rating "
            + "(1–2) opens a follow-up for the item's department; 409 case-not-concluded / rating-exists")
    Rating rate(@PathVariable String caseNumber, @RequestBody NewRating rating, Actor user) {
        return ratings.rate(user, caseNumber, rating == null ? null : rating.level(), rating == null ? null : rating.reasons(),
                rating == null ? null : rating.comment());
    }

    @GetMapping(path = "/api/v1/cases/{caseNumber}/rating", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's rating and the department's response (404 rating-not-found before it is rated)")
    Rating rating(@PathVariable String caseNumber, Actor user) {
        return ratings.rating(user, caseNumber);
    }

    @GetMapping(path = "/api/v1/ratings/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bad ratings of my departments to follow up (差评整改), open ones first by due date; APPROVER")
    List<Rating> followUps(@RequestParam(defaultValue = "true") boolean open, Actor user) {
        return ratings.followUps(user, open);
    }

    /** The department's answer to a bad rating. */
    record Response(String response) {
    }

    @PostMapping(path = "/api/v1/ratings/{id}/response", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer a bad rating once (approvers of the rating's department); the applicant sees it; audited")
    Rating respond(@PathVariable long id, @RequestBody Response response, Actor user) {
        return ratings.respond(user, id, response == null ? null : response.response());
    }

    @GetMapping(path = "/api/v1/ratings/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Published rating aggregates per item and department (好差评公示); public, rate-limited")
    RatingSummary summary() {
        return ratings.summary();
    }
}
