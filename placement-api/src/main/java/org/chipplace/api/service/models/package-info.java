/** The catalogue of shipped models (cards and training logs) shown by the dashboard's Models page. */
package org.chipplace.api.service.models;
