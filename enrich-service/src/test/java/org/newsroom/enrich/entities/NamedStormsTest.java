package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

class NamedStormsTest {

    private final NamedStorms storms = new NamedStorms();

    @Test
    void aStormTheCrfTookForAnOrganisationBecomesOneMiscMention() {
        String body = "Storm Ciaran closed the ports of Dover and Calais on Thursday.";
        RecognizedMention asOrganisation = body(body, "Storm Ciaran", EntityType.ORGANIZATION);
        RecognizedMention dover = body(body, "Dover", EntityType.LOCATION);

        assertThat(storms.refine("Ports close", body, List.of(asOrganisation, dover)))
                .containsExactlyInAnyOrder(dover, new RecognizedMention(asOrganisation.mention(), EntityType.MISC,
                        NamedStorms.CONFIDENCE));
    }

    @Test
    void aStormWhoseNameAloneWasTakenForAPersonGetsItsWholeName() {
        String body = "Forecasters said Hurricane Delia would make landfall near Kingston.";
        RecognizedMention delia = body(body, "Delia", EntityType.PERSON);

        assertThat(storms.refine("Hurricane nears Jamaica", body, List.of(delia)))
                .extracting(found -> found.mention().text(), RecognizedMention::type)
                .containsExactly(tuple("Hurricane Delia", EntityType.MISC));
    }

    @Test
    void aLongerNameHoldingAStormWordIsLeftAsTheCrfFoundIt() {
        String body = "The National Hurricane Center in Miami issued a warning.";
        RecognizedMention center = body(body, "National Hurricane Center", EntityType.ORGANIZATION);

        assertThat(storms.refine("Warning issued", body, List.of(center))).containsExactly(center);
    }

    @Test
    void anAllCapsHeadlineStormCountsWhenTheBodyNamesItToo() {
        String headline = "STORM CIARAN FORCES CLOSURE OF CHANNEL PORTS";
        String body = "Storm Ciaran closed Dover on Thursday.";

        assertThat(storms.refine(headline, body, List.of()))
                .extracting(found -> found.mention().field(), found -> found.mention().text())
                .contains(tuple(TextField.HEADLINE, "STORM CIARAN"));
        assertThat(storms.refine("Storm Damage Mounts Across The Coast", "Damage mounted overnight.", List.of()))
                .isEmpty();
    }

    @Test
    void aStormWordWithoutANameIsNoMention() {
        assertThat(storms.refine("Storm warning", "The storm moved north. A Storm Warning was issued.", List.of()))
                .isEmpty();
    }

    private static RecognizedMention body(String body, String text, EntityType type) {
        int start = body.indexOf(text);
        return new RecognizedMention(new Mention(TextField.BODY, start, start + text.length(), text), type);
    }
}
