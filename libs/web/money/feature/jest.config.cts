const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-money-feature', __dirname);
