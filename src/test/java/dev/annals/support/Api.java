package dev.annals.support;

import dev.annals.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as an authenticated caller with every role; {@link #anonymous()} sends no token. */
public final class Api {
    private Api() {}

    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.all());
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
