package org.stet.archfixture.desk;

/** Fixture for ArchitectureTest: a desk page, which lies above the domain. */
public class FixtureDeskPage {}
