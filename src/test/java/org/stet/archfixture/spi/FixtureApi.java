package org.stet.archfixture.spi;

/** Fixture for ArchitectureTest: the SPI, which plugins may use. */
public interface FixtureApi {}
