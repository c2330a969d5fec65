const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-weekly-report-feature', __dirname);
