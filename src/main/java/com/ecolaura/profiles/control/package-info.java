/** Profiles cached per user id; a save puts the committed profile into the cache after its commit. */
package com.ecolaura.profiles.control;
