const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-sla-feature', __dirname);
